/* iap-bench-room.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 *   iap-bench-room [--phones N] bench-large.iapw
 *
 * Room voting under load: a new round on every risk of the workshop,
 * the vote server on 127.0.0.1 on this process's main loop (as the
 * window runs it), and N simulated phones, one thread each, that each
 * vote on every risk as fast as the server answers: a POST of the
 * answer, then a GET of the next risk's page, as a browser follows the
 * redirect. A phone sends a failed request again as its participant
 * would (see send_retrying()). Prints the median and 95th percentile of
 * both requests, the votes per second, the failed requests (each one,
 * and each request slower than half a second, on standard error), and
 * the longest turn of the main loop (what a window would feel as a
 * stutter: it cannot draw meanwhile), on the clock and in the time the
 * main thread itself ran (the rest is the system running other threads:
 * the phones' own, which share this computer's cores here, and other
 * processes').
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>
#include <time.h>

#include "iap-room-server.h"
#include "iap-workshop-file.h"

typedef struct
{
  const char *base;             /* "http://127.0.0.1:PORT/" */
  char *code;
  guint n_risks;
  GArray *post_ms;              /* double */
  GArray *get_ms;
  guint failures;                /* attempts that failed */
  guint lost;                    /* requests given up after retries */
  GString *why;                 /* each failure, a line */
} Phone;

static gint phones_done;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static guint
send (SoupSession *session,
      const char  *method,
      const char  *uri,
      const char  *form,
      char       **body,
      GString     *why)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  /* Browsers send a form on a connection they keep, and send it again
   * if that was closed under them before any answer */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_IDEMPOTENT);
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", bytes);
    }
  reply = soup_session_send_and_read (session, message, NULL, &error);
  if ((error != NULL || now_ms () - start > 500) && why->len < 4096)
    g_string_append_printf (why, "%s %s: %u %s after %.0f ms\n", method, uri, soup_message_get_status (message),
                            error != NULL ? error->message : "", now_ms () - start);
  if (body != NULL)
    *body = reply != NULL ? g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply)) : g_strdup ("");

  return soup_message_get_status (message);
}

static char *
token_of (const char *page)
{
  const char *at = strstr (page, "name=\"token\" value=\"");

  if (at == NULL)
    return NULL;
  at += strlen ("name=\"token\" value=\"");

  return g_strndup (at, strchr (at, '"') - at);
}

/* A request as the phone's browser sends it: a POST goes on the
 * connection kept from the page, and is sent again at once if that
 * connection turns out closed before any answer (as browsers do); a
 * request that fails otherwise, or is answered with a server error, the
 * participant sends again a second later (a tap on Reload), three times
 * at most. Every failed attempt is counted. */
static guint
send_retrying (Phone       *phone,
               SoupSession *session,
               const char  *method,
               const char  *uri,
               const char  *form,
               char       **body)
{
  guint status = 0;

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      if (attempt > 0)
        g_usleep (G_USEC_PER_SEC);
      if (body != NULL)
        g_clear_pointer (body, g_free);
      status = send (session, method, uri, form, body, phone->why);
      if (status != 0 && !SOUP_STATUS_IS_SERVER_ERROR (status))
        return status;
      phone->failures++;
    }

  return status;
}

static gpointer
run_phone (gpointer data)
{
  Phone *phone = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *token = NULL;

  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 60, NULL);
  for (guint r = 1; r <= phone->n_risks; r++)
    {
      g_autofree char *uri = g_strdup_printf ("%sv/%s/%u", phone->base, phone->code, r);
      g_autofree char *page = NULL;
      g_autofree char *form = NULL;
      double start = now_ms ();
      guint status;

      status = send_retrying (phone, session, "GET", uri, NULL, &page);
      g_array_append_val (phone->get_ms, (double) { now_ms () - start });
      if (token == NULL)
        token = token_of (page);
      if (status != 200 || token == NULL)
        {
          g_string_append_printf (phone->why, "GET %s: %u, page given up\n", uri, status);
          phone->lost++;
          continue;
        }
      form = g_strdup_printf ("token=%s&likelihood=%u&impact=%u", token, 1 + r % 5, 1 + (r / 5) % 5);
      start = now_ms ();
      status = send_retrying (phone, session, "POST", uri, form, NULL);
      g_array_append_val (phone->post_ms, (double) { now_ms () - start });
      if (status != 303)
        {
          g_string_append_printf (phone->why, "POST %s: %u, vote given up\n", uri, status);
          phone->lost++;
        }
    }
  g_main_context_pop_thread_default (context);

  g_atomic_int_inc (&phones_done);
  g_main_context_wakeup (NULL);

  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, (guint) ((values->len - 1) * p));
}

/* The longest turn of the main loop, from the moment it wakes to the end
 * of what it runs (the time it could not turn to a redraw), on the clock
 * and in the time the main thread ran meanwhile: the difference is the
 * time the system gave to other threads and processes */
typedef struct
{
  GPollFD *fds;
  gint allocated;
  gint64 longest, longest_cpu;
} Watch;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* A turn as g_main_context_iteration() takes it, timed. (A timer asking
 * to run every millisecond above the votes' priority measured gaps too,
 * but on a loaded machine it was due at every turn, and held the votes
 * back: GLib runs only the most urgent sources ready.) */
static void
turn (GMainContext *context,
      Watch        *watch)
{
  gint priority, timeout, n;
  gint64 start, cpu;

  g_main_context_prepare (context, &priority);
  while ((n = g_main_context_query (context, priority, &timeout, watch->fds, watch->allocated)) > watch->allocated)
    {
      g_free (watch->fds);
      watch->fds = g_new (GPollFD, n);
      watch->allocated = n;
    }
  g_poll (watch->fds, n, timeout);

  start = g_get_monotonic_time ();
  cpu = thread_cpu_usec ();
  g_main_context_check (context, priority, watch->fds, n);
  g_main_context_dispatch (context);
  watch->longest = MAX (watch->longest, g_get_monotonic_time () - start);
  watch->longest_cpu = MAX (watch->longest_cpu, thread_cpu_usec () - cpu);
}

static gboolean
open_round (IapRoundSession *session)
{
  IapWorkshop *workshop = iap_round_session_get_workshop (session);
  GListModel *risks = iap_workshop_get_risks (workshop);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (iap_round_session_get_stage (session) == IAP_ROUND_STAGE_OPEN)
    iap_round_session_reveal (session, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(IapRisk) risk = g_list_model_get_item (risks, i);

      g_strv_builder_add (builder, iap_risk_get_id (risk));
    }
  ids = g_strv_builder_end (builder);
  if (!iap_round_session_start (session, "ballot", (const char * const *) ids, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(IapWorkshop) workshop = NULL;
  g_autoptr(IapRoundSession) session = NULL;
  g_autoptr(IapRoomServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) post_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) get_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *participants;
  Phone *phones;
  GThread **threads;
  Watch watch = { 0 };
  guint n_phones = 50, n_risks, n_done = 0, failures = 0, lost = 0;
  double start, seconds;

  if (argc >= 4 && g_str_equal (argv[1], "--phones"))
    {
      n_phones = g_ascii_strtoull (argv[2], NULL, 10);
      argv += 2;
      argc -= 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: %s [--phones N] FILE\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if ((workshop = iap_workshop_load (file, NULL, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  session = iap_round_session_new (workshop);
  if (!open_round (session))
    return 1;
  server = iap_room_server_new (session);
  if (!iap_room_server_start (server, "127.0.0.1", 0, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  participants = iap_workshop_get_participants (workshop);
  n_phones = MIN (n_phones, g_list_model_get_n_items (participants));
  n_risks = g_list_model_get_n_items (iap_round_session_get_risks (session));
  phones = g_new0 (Phone, n_phones);
  threads = g_new0 (GThread *, n_phones);

  start = now_ms ();
  for (guint i = 0; i < n_phones; i++)
    {
      g_autoptr(IapParticipant) p = g_list_model_get_item (participants, i);

      phones[i].base = iap_room_server_get_url (server);
      phones[i].code = iap_round_session_dup_ballot_code (session, iap_participant_get_id (p));
      phones[i].n_risks = n_risks;
      phones[i].post_ms = g_array_new (FALSE, FALSE, sizeof (double));
      phones[i].get_ms = g_array_new (FALSE, FALSE, sizeof (double));
      phones[i].why = g_string_new (NULL);
      threads[i] = g_thread_new ("phone", run_phone, &phones[i]);
    }

  /* Each vote is taken before its phone is answered: once every phone
   * is through its risks, every vote that will be is taken */
  g_main_context_acquire (NULL);
  while ((guint) g_atomic_int_get (&phones_done) < n_phones)
    turn (g_main_context_default (), &watch);
  g_main_context_release (NULL);
  seconds = (now_ms () - start) / 1000;
  g_free (watch.fds);
  for (guint i = 0; i < n_phones; i++)
    {
      /* The last answers are sent from the server thread */
      g_thread_join (threads[i]);
      g_array_append_vals (post_ms, phones[i].post_ms->data, phones[i].post_ms->len);
      g_array_append_vals (get_ms, phones[i].get_ms->data, phones[i].get_ms->len);
      failures += phones[i].failures;
      lost += phones[i].lost;
      g_printerr ("%s", phones[i].why->str);
      g_string_free (phones[i].why, TRUE);
      g_array_unref (phones[i].post_ms);
      g_array_unref (phones[i].get_ms);
      g_free (phones[i].code);
    }
  n_done = iap_room_server_get_n_votes (server);
  iap_room_server_stop (server);

  g_print ("room: %u phones x %u risks: %u votes taken in %.1f s (%.0f a second)\n",
           n_phones, n_risks, n_done, seconds, n_done / seconds);
  g_print ("room: %u failed requests (sent again), %u given up\n", failures, lost);
  g_print ("room: vote (POST)  median %.2f ms, 95th percentile %.2f ms, longest %.2f ms\n",
           percentile (post_ms, 0.5), percentile (post_ms, 0.95), percentile (post_ms, 1));
  g_print ("room: page (GET)   median %.2f ms, 95th percentile %.2f ms, longest %.2f ms\n",
           percentile (get_ms, 0.5), percentile (get_ms, 0.95), percentile (get_ms, 1));
  g_print ("room: main loop's longest turn: %.2f ms on the clock, %.2f ms of the main thread's time\n",
           watch.longest / 1000.0, watch.longest_cpu / 1000.0);
  g_print ("room: scores in the round: %u of %u\n",
           iap_round_get_n_ratings (iap_round_session_get_round (session)), n_phones * n_risks);

  g_free (phones);
  g_free (threads);

  return n_done == n_phones * n_risks && failures == 0 ? 0 : 1;
}
