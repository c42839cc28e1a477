/* iap-room-pages.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The pages a participant's phone shows, written on the server thread
 * from the snapshot. Plain HTML forms: the pages work without
 * JavaScript, and a screen reader reads them in order (every control has
 * a label, the scales are fieldsets with a legend, a sent answer is a
 * status message). The page around them (resources/phone/page.html) and
 * its style and script come from the resources: nothing from elsewhere.
 */

#define G_LOG_DOMAIN "iap-room"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iap-room-private.h"

#define PAGE_RESOURCE RESOURCE_PREFIX "/phone/page.html"

/* A message in the page's language. N_() marks it for translation. */
static inline const char *
tr (IapRoomPage *page,
    const char  *msgid) G_GNUC_FORMAT (2);

static inline const char *
tr (IapRoomPage *page,
    const char  *msgid)
{
  return iap_messages_gettext (page->messages, msgid);
}

static const char *
language_name (guint language)
{
  /* Each language in its own words, as a switch to it reads */
  static const char * const names[IAP_ROOM_N_LANGUAGES] = {
    "English", "Français", "العربية", "Español", "Русский", "中文"
  };

  return names[language];
}

/* A participant's or facilitator's text inside a translated sentence,
 * isolated (FSI ... PDI) so that English in an Arabic page, or Arabic
 * in an English one, keeps its own order and its full stop at its end */
static char *
isolate (const char *text)
{
  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

static void G_GNUC_PRINTF (2, 3)
append_printf_escaped (GString    *html,
                       const char *format,
                       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, text);
}

static void
replace (GString    *html,
         const char *placeholder,
         const char *text)
{
  g_string_replace (html, placeholder, text, 1);
}

/**
 * _iap_room_page_begin:
 * @other_language_path: (nullable): where this page is in the other
 *   languages, or %NULL for no switch
 *
 * Returns: (transfer full): the page up to its body
 */
GString *
_iap_room_page_begin (IapRoomPage *page,
                      const char  *title,
                      const char  *other_language_path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PAGE_RESOURCE, 0, NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  const char *body;
  GString *html;

  g_assert (bytes != NULL);
  html = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  replace (html, "@LANG@", iap_room_languages[page->language]);
  /* Arabic reads right to left: the browser mirrors the page */
  replace (html, "@DIR@", g_str_equal (iap_room_languages[page->language], "ar") ? "rtl" : "ltr");
  escaped = g_markup_escape_text (title, -1);
  replace (html, "@TITLE@", escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (tr (page, N_("IAP Workshop · Room voting")), -1);
  replace (html, "@APP@", escaped);

  if (other_language_path != NULL)
    {
      append_printf_escaped (links, "<nav aria-label=\"%s\"><ul>", tr (page, N_("Language")));
      for (guint l = 0; l < IAP_ROOM_N_LANGUAGES; l++)
        if (l != page->language)
          append_printf_escaped (links, "<li><a href=\"%s?lang=%s\" lang=\"%s\" hreflang=\"%s\">%s</a></li>",
                                 other_language_path, iap_room_languages[l], iap_room_languages[l],
                                 iap_room_languages[l], language_name (l));
      g_string_append (links, "</ul></nav>");
    }
  replace (html, "@SWITCH@", links->str);

  /* The body goes where the placeholder is: the rest of the template
   * waits for _iap_room_page_end() */
  body = strstr (html->str, "@BODY@");
  g_assert (body != NULL);
  g_free (page->tail);
  page->tail = g_strdup (body + strlen ("@BODY@"));
  g_string_truncate (html, body - html->str);

  return html;
}

/* Returns: (transfer full): the page, whole */
GBytes *
_iap_room_page_end (IapRoomPage *page,
                    GString     *html)
{
  g_assert (page->tail != NULL);

  g_string_append (html, page->tail);
  g_clear_pointer (&page->tail, g_free);

  return g_string_free_to_bytes (html);
}

static char *
risk_path (IapRoomVoter *voter,
           guint         index)
{
  return g_strdup_printf ("/v/%s/%u", voter->code, index + 1);
}

static guint
count_answered (IapRoomPage *page,
                guint        voter)
{
  guint n_risks = page->snapshot->risks->len;
  guint n = 0;

  for (guint r = 0; r < n_risks; r++)
    n += page->answers[(voter * n_risks + r) * 2] != 0;

  return n;
}

static void
append_progress (IapRoomPage *page,
                 GString     *html,
                 guint        voter,
                 guint        index)
{
  guint n = page->snapshot->risks->len;
  guint answered = count_answered (page, voter);

  g_string_append (html, "<p class=\"progress-text\" id=\"progress\">");
  /* Translators: where a participant is on their phone: "Risk 3 of 12 · 2 answered" */
  append_printf_escaped (html, tr (page, N_("Risk %u of %u · %u answered")), index + 1, n, answered);
  g_string_append (html, "</p>");
  g_string_append_printf (html, "<progress max=\"%u\" value=\"%u\" aria-labelledby=\"progress\">", n, answered);
  append_printf_escaped (html, tr (page, N_("%u of %u answered")), answered, n);
  g_string_append (html, "</progress>");
}

static void
append_scale (IapRoomPage *page,
              GString     *html,
              const char  *name,
              const char  *legend,
              GPtrArray   *levels,
              guint        chosen)
{
  guint l = page->language;

  append_printf_escaped (html, "<fieldset><legend>%s</legend>", legend);
  for (guint i = 0; i < levels->len; i++)
    {
      IapRoomLevel *level = levels->pdata[i];
      gboolean definition = level->definition[l] != NULL && *level->definition[l] != '\0';

      g_string_append (html, "<div class=\"level\"><label>");
      /* @name is one of the page's own words, never the workshop's */
      g_string_append_printf (html, "<input type=\"radio\" name=\"%s\" value=\"%u\" required%s", name, i + 1,
                              chosen == i + 1 ? " checked" : "");
      if (definition)
        g_string_append_printf (html, " aria-describedby=\"%s%u-d\"", name, i + 1);
      g_string_append (html, ">");
      /* Translators: a level of a scale on the phone page: "3 · Possible" */
      append_printf_escaped (html, tr (page, N_("%u · %s")), i + 1, level->label[l]);
      g_string_append (html, "</label>");
      if (definition)
        append_printf_escaped (html, "<span class=\"definition\" id=\"%s%u-d\">%s</span>", name, i + 1,
                               level->definition[l]);
      g_string_append (html, "</div>");
    }
  g_string_append (html, "</fieldset>");
}

static void
append_sent (IapRoomPage *page,
             GString     *html,
             guint        sent)
{
  if (sent == 0 || sent > page->snapshot->risks->len)
    return;

  g_string_append (html, "<p class=\"sent\" role=\"status\">");
  /* Translators: the confirmation on the phone after an answer went to the facilitator */
  append_printf_escaped (html, tr (page, N_("Sent: your answer to risk %u is with the facilitator.")), sent);
  g_string_append (html, "</p>");
}

static void
append_risk_navigation (IapRoomPage  *page,
                        GString      *html,
                        IapRoomVoter *voter,
                        guint         index)
{
  guint n = page->snapshot->risks->len;

  append_printf_escaped (html, "<nav aria-label=\"%s\"><ul>", tr (page, N_("Risks")));
  if (index > 0)
    {
      g_autofree char *path = risk_path (voter, index - 1);

      append_printf_escaped (html, "<li><a href=\"%s\" rel=\"prev\">%s</a></li>", path, tr (page, N_("Previous risk")));
    }
  if (index + 1 < n)
    {
      g_autofree char *path = risk_path (voter, index + 1);

      append_printf_escaped (html, "<li><a href=\"%s\" rel=\"next\">%s</a></li>", path, tr (page, N_("Skip to the next risk")));
    }
  append_printf_escaped (html, "<li><a href=\"/v/%s/done\">%s</a></li></ul></nav>", voter->code,
                         tr (page, N_("All my answers")));
}

static GBytes *
closed_page (IapRoomPage *page)
{
  return _iap_room_page_message (page, tr (page, N_("The round is closed")),
                                 tr (page, N_("The facilitator has closed this round: it takes no more answers. "
                                              "The answers you sent are kept. Thank you.")),
                                 FALSE);
}

/**
 * _iap_room_page_risk:
 * @index: the risk's place in the round, from 0
 * @sent: the number of the risk whose answer was just taken, or 0
 * @problem: (nullable): what was wrong with the last answer
 *
 * Returns: (transfer full): the page of one risk, with the scales
 */
GBytes *
_iap_room_page_risk (IapRoomPage  *page,
                     IapRoomVoter *voter,
                     guint         index,
                     guint         sent,
                     const char   *problem)
{
  IapRoomSnapshot *snapshot = page->snapshot;
  IapRoomRisk *risk = snapshot->risks->pdata[index];
  guint v = _iap_room_snapshot_index (snapshot, voter);
  const guint8 *answer = page->answers + (v * snapshot->risks->len + index) * 2;
  g_autofree char *path = risk_path (voter, index);
  g_autofree char *title = NULL;
  g_autofree char *isolated = isolate (risk->title);
  GString *html;

  if (!snapshot->open)
    return closed_page (page);

  title = g_strdup_printf (tr (page, N_("Risk %u of %u")), index + 1, snapshot->risks->len);
  html = _iap_room_page_begin (page, title, path);
  append_progress (page, html, v, index);
  append_sent (page, html, sent);
  if (problem != NULL)
    append_printf_escaped (html, "<p class=\"problem\" role=\"alert\">%s</p>", problem);

  g_string_append (html, "<h1 id=\"risk\">");
  /* Translators: the heading of a risk on the phone: "R3 · Access restricted by..." */
  append_printf_escaped (html, tr (page, N_("R%u · %s")), risk->number, isolated);
  g_string_append (html, "</h1><p class=\"where\">");
  /* Translators: where a risk lies: "Arrangement: Shared premises · Area: Access" */
  append_printf_escaped (html, tr (page, N_("Arrangement: %s · Area: %s")), risk->arrangement[page->language],
                         risk->area[page->language]);
  g_string_append (html, "</p>");
  if (*risk->description != '\0')
    append_printf_escaped (html, "<p dir=\"auto\">%s</p>", risk->description);

  append_printf_escaped (html, "<form method=\"post\" action=\"%s\" aria-labelledby=\"risk\">"
                         "<input type=\"hidden\" name=\"token\" value=\"%s\">", path, voter->token);
  append_scale (page, html, "likelihood", tr (page, N_("How likely is it?")), snapshot->likelihood, answer[0]);
  append_scale (page, html, "impact", tr (page, N_("How great would the impact be?")), snapshot->impact, answer[1]);
  append_printf_escaped (html, "<div class=\"actions\"><button type=\"submit\">%s</button></div></form>",
                         index + 1 < snapshot->risks->len ? tr (page, N_("Send and go to the next risk"))
                                                          : tr (page, N_("Send")));
  if (answer[0] != 0)
    append_printf_escaped (html, "<p class=\"hint\">%s</p>",
                           tr (page, N_("You have answered this risk: send again to change your answer.")));
  append_risk_navigation (page, html, voter, index);

  return _iap_room_page_end (page, html);
}

static void
append_answer (IapRoomPage  *page,
               GString      *html,
               IapRoomVoter *voter,
               guint         index,
               const guint8 *answer)
{
  IapRoomSnapshot *snapshot = page->snapshot;
  IapRoomRisk *risk = snapshot->risks->pdata[index];
  g_autofree char *path = risk_path (voter, index);
  g_autofree char *isolated = isolate (risk->title);

  g_string_append (html, "<li>");
  if (snapshot->open)
    append_printf_escaped (html, "<a href=\"%s\">", path);
  append_printf_escaped (html, tr (page, N_("R%u · %s")), risk->number, isolated);
  if (snapshot->open)
    g_string_append (html, "</a>");
  if (answer[0] != 0 && answer[0] <= snapshot->likelihood->len && answer[1] <= snapshot->impact->len)
    {
      IapRoomLevel *l = snapshot->likelihood->pdata[answer[0] - 1];
      IapRoomLevel *i = snapshot->impact->pdata[answer[1] - 1];

      g_string_append (html, "<span class=\"state\">");
      /* Translators: a participant's own answer, on their phone: "Likelihood 3 (Possible), impact 4 (Major)" */
      append_printf_escaped (html, tr (page, N_("Likelihood %u (%s), impact %u (%s)")), answer[0],
                             l->label[page->language], answer[1], i->label[page->language]);
      g_string_append (html, "</span>");
    }
  else
    append_printf_escaped (html, "<span class=\"state missing\">%s</span>", tr (page, N_("Not answered yet")));
  g_string_append (html, "</li>");
}

/**
 * _iap_room_page_done:
 *
 * Returns: (transfer full): the participant's answers, with the
 *   confirmation that they were sent
 */
GBytes *
_iap_room_page_done (IapRoomPage  *page,
                     IapRoomVoter *voter,
                     guint         sent)
{
  IapRoomSnapshot *snapshot = page->snapshot;
  guint v = _iap_room_snapshot_index (snapshot, voter);
  guint n = snapshot->risks->len;
  guint answered = count_answered (page, v);
  g_autofree char *path = g_strdup_printf ("/v/%s/done", voter->code);
  g_autofree char *state = g_strdup_printf ("/v/%s/state", voter->code);
  const char *closed = tr (page, N_("The facilitator has closed this round: it takes no more answers. "
                                    "The answers you sent are kept. Thank you."));
  GString *html = _iap_room_page_begin (page, tr (page, N_("My answers")), path);

  append_printf_escaped (html, "<h1>%s</h1>", tr (page, N_("My answers")));
  append_sent (page, html, sent);
  if (!snapshot->open)
    append_printf_escaped (html, "<p class=\"closed\" role=\"status\">%s</p>", closed);
  else
    {
      append_printf_escaped (html, "<p id=\"round-state\" role=\"status\" data-state=\"%s\" data-closed=\"%s\"%s>",
                             state, closed, answered == n ? " class=\"sent\"" : "");
      if (answered == n)
        append_printf_escaped (html, tr (page, N_("Sent: all your %u answers are with the facilitator. You can "
                                                  "change any of them until the facilitator closes the round.")), n);
      else
        append_printf_escaped (html, tr (page, N_("You have answered %u of %u risks. You can change any answer "
                                                  "until the facilitator closes the round.")), answered, n);
      g_string_append (html, "</p>");
    }

  g_string_append (html, "<ol class=\"answers\">");
  for (guint r = 0; r < n; r++)
    append_answer (page, html, voter, r, page->answers + (v * n + r) * 2);
  g_string_append (html, "</ol>");

  return _iap_room_page_end (page, html);
}

/**
 * _iap_room_page_join:
 * @problem: (nullable): why the last code was not taken
 *
 * Returns: (transfer full): the page where a participant types their
 *   code: it says nothing of the workshop, as anyone on the network can
 *   read it
 */
GBytes *
_iap_room_page_join (IapRoomPage *page,
                     const char  *problem)
{
  GString *html = _iap_room_page_begin (page, tr (page, N_("Join the vote")), "/");

  append_printf_escaped (html, "<h1>%s</h1>", tr (page, N_("Join the vote")));
  if (problem != NULL)
    append_printf_escaped (html, "<p class=\"problem\" role=\"alert\">%s</p>", problem);
  append_printf_escaped (html, "<p>%s</p>",
                         tr (page, N_("Type the join code printed on your ballot page, or scan your own QR code "
                                      "on the facilitator’s screen. Your answers stay private until the "
                                      "facilitator reveals the round.")));
  append_printf_escaped (html, "<form method=\"get\" action=\"/join\">"
                         "<p><label for=\"code\">%s</label></p>"
                         "<p><input type=\"text\" id=\"code\" name=\"code\" required autocomplete=\"off\" "
                         "autocapitalize=\"characters\" autocorrect=\"off\" spellcheck=\"false\" "
                         "maxlength=\"40\" aria-describedby=\"code-hint\"></p>"
                         "<p class=\"hint\" id=\"code-hint\">%s</p>"
                         "<div class=\"actions\"><button type=\"submit\">%s</button></div></form>",
                         tr (page, N_("Join code")),
                         tr (page, N_("Sixteen letters and digits, such as K7Q2-M9XD-3F8A-PQ1R.")),
                         tr (page, N_("Join")));

  return _iap_room_page_end (page, html);
}

/**
 * _iap_room_page_message:
 * @rejoin: whether to offer the way back to the join page
 *
 * Returns: (transfer full): a page that only says something
 */
GBytes *
_iap_room_page_message (IapRoomPage *page,
                        const char  *title,
                        const char  *text,
                        gboolean     rejoin)
{
  GString *html = _iap_room_page_begin (page, title, NULL);

  append_printf_escaped (html, "<h1>%s</h1><p role=\"alert\">%s</p>", title, text);
  if (rejoin)
    append_printf_escaped (html, "<p><a href=\"/\">%s</a></p>", tr (page, N_("Type a join code")));

  return _iap_room_page_end (page, html);
}
