/* iap-ballot-code.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Ballot codes. A ballot says whose it is (workshop, round and
 * participant ids, in the open) and carries a short code: the start of
 * HMAC-SHA256 of those three ids under a secret of the round, kept in
 * the workshop file and never in a ballot. Editing the participant of a
 * returned ballot, or copying someone else's, gives a code that does not
 * match.
 *
 * The same code lets a participant join a room vote from their phone,
 * where anyone on the room's network may try codes: so it holds 80 bits
 * (sixteen digits), and guessing one is a chance in 2^80 a try.
 *
 * The code is written in Crockford's base 32 (no I, L, O or U), so that
 * a facilitator typing it from paper cannot mistake one letter for
 * another: reading it back, case does not matter, I and L read as 1,
 * O as 0, and spaces and dashes are ignored.
 */

#define G_LOG_DOMAIN "iap-ballot-code"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "iap-ballot-code.h"

#define N_DIGITS 16
#define GROUP 4
#define SECRET_BYTES 32

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * iap_ballot_code_compute:
 * @secret: the round's secret
 *
 * Returns: (transfer full): the ballot code of @participant in @round
 *   of @workshop, such as "K7Q2-M9XD-3F8A-PQ1R"
 */
char *
iap_ballot_code_compute (const char *secret,
                         const char *workshop,
                         const char *round,
                         const char *participant)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  char code[IAP_BALLOT_CODE_LENGTH + 1];

  g_return_val_if_fail (secret != NULL && *secret != '\0', NULL);
  g_return_val_if_fail (workshop != NULL && round != NULL && participant != NULL, NULL);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  /* The unit separator cannot appear in an identifier: no two triples
   * of ids give the same message */
  g_hmac_update (hmac, (const guchar *) "iap-ballot\x1f", -1);
  g_hmac_update (hmac, (const guchar *) workshop, -1);
  g_hmac_update (hmac, (const guchar *) "\x1f", 1);
  g_hmac_update (hmac, (const guchar *) round, -1);
  g_hmac_update (hmac, (const guchar *) "\x1f", 1);
  g_hmac_update (hmac, (const guchar *) participant, -1);
  g_hmac_get_digest (hmac, digest, &length);

  /* Each digit is the next five bits of the digest */
  for (guint i = 0, c = 0; i < N_DIGITS; i++)
    {
      guint bit = 5 * i;
      guint pair = digest[bit / 8] << 8 | digest[bit / 8 + 1];

      if (i > 0 && i % GROUP == 0)
        code[c++] = '-';
      code[c++] = alphabet[(pair >> (11 - bit % 8)) & 31];
    }
  code[IAP_BALLOT_CODE_LENGTH] = '\0';

  return g_strdup (code);
}

static char
read_digit (char c)
{
  c = g_ascii_toupper (c);
  if (c == 'O')
    return '0';
  if (c == 'I' || c == 'L')
    return '1';

  return strchr (alphabet, c) != NULL && c != '\0' ? c : 0;
}

/**
 * iap_ballot_code_normalize:
 * @text: a code as typed or read from a ballot
 *
 * Returns: (transfer full) (nullable): the code as written on ballots,
 *   or %NULL when @text is not one
 */
char *
iap_ballot_code_normalize (const char *text)
{
  char digits[N_DIGITS];
  g_autoptr(GString) code = g_string_sized_new (IAP_BALLOT_CODE_LENGTH);
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      char digit;

      if (*c == '-' || *c == ' ' || *c == '\t')
        continue;
      if ((digit = read_digit (*c)) == 0 || n == N_DIGITS)
        return NULL;
      digits[n++] = digit;
    }
  if (n != N_DIGITS)
    return NULL;

  for (guint i = 0; i < N_DIGITS; i++)
    {
      if (i > 0 && i % GROUP == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, digits[i]);
    }

  return g_string_free (g_steal_pointer (&code), FALSE);
}

/**
 * iap_ballot_code_matches:
 * @code: a code as typed or read from a ballot
 *
 * Returns: whether @code is the ballot code of @participant in @round
 */
gboolean
iap_ballot_code_matches (const char *code,
                         const char *secret,
                         const char *workshop,
                         const char *round,
                         const char *participant)
{
  g_autofree char *given = NULL;
  g_autofree char *expected = NULL;
  guint8 diff = 0;

  g_return_val_if_fail (code != NULL, FALSE);

  if (secret == NULL || *secret == '\0' || (given = iap_ballot_code_normalize (code)) == NULL)
    return FALSE;

  expected = iap_ballot_code_compute (secret, workshop, round, participant);
  /* In constant time, though a guess costs a whole ballot to try */
  for (guint i = 0; i < IAP_BALLOT_CODE_LENGTH; i++)
    diff |= given[i] ^ expected[i];

  return diff == 0;
}

static void
random_bytes (guint8 *buffer,
              gsize   size)
{
  gsize n = 0;

  while (n < size)
    {
      ssize_t got = getrandom (buffer + n, size - n, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        break;
      n += got;
    }
  /* A kernel without getrandom (before Linux 3.17): its device */
  if (n < size)
    {
      FILE *device = fopen ("/dev/urandom", "rb");

      n = device != NULL ? fread (buffer, 1, size, device) : 0;
      if (device != NULL)
        fclose (device);
    }
  if (n < size)
    g_error ("No source of random numbers for the ballot codes");
}

/**
 * iap_ballot_new_secret:
 *
 * Returns: (transfer full): a new round secret, 64 hexadecimal digits
 *   from the system's random source
 */
char *
iap_ballot_new_secret (void)
{
  guint8 bytes[SECRET_BYTES];
  GString *text = g_string_sized_new (2 * SECRET_BYTES);

  random_bytes (bytes, sizeof bytes);
  for (guint i = 0; i < SECRET_BYTES; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);

  return g_string_free (text, FALSE);
}

/**
 * iap_ballot_new_workshop_id:
 *
 * Returns: (transfer full): a new workshop identifier, "w-" and a random
 *   UUID, so that a ballot of one workshop is never taken for another's
 */
char *
iap_ballot_new_workshop_id (void)
{
  guint8 bytes[16];
  g_autoptr(GString) text = g_string_new ("w-");

  random_bytes (bytes, sizeof bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;  /* version 4 */
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  /* RFC 4122 variant */
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (text, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", bytes[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
