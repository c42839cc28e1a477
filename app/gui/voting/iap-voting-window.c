/* iap-voting-window.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Room voting on the facilitator's screen: the network to serve on, the
 * address and its QR code once voting runs, who has voted and how many
 * scores each gave (never a value), each participant's own code and QR
 * code, and the requests the server refused. The server
 * (app/net/iap-room-server.c) lives as long as this window: closing it,
 * revealing or closing the round, or quitting stops it.
 *
 * Off until the facilitator allows it (the GSettings key room-voting,
 * false by default and lockable by an administrator); never available
 * when the application was started with --no-network.
 */

#define G_LOG_DOMAIN "iap-voting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iap-dialogs.h"
#include "iap-qr-view.h"
#include "iap-room-address.h"
#include "iap-room-server.h"
#include "iap-voting-window.h"

/* The port phones are told, unless another program has it */
#define PREFERRED_PORT 8080

struct _IapVotingWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton *start_button;
  GtkButton *stop_button;
  GtkStack *stack;
  AdwStatusPage *off_page;
  AdwActionRow *allow_row;
  GtkSwitch *allow_switch;
  AdwComboRow *address_row;
  AdwActionRow *warning_row;
  GtkLabel *setup_label;
  IapQrView *room_qr;
  GtkLabel *url_label;
  GtkLabel *status_label;
  GtkListBox *participants_list;
  AdwPreferencesGroup *refusals_group;
  GtkListBox *refusals_list;

  /* Owned */
  IapRoundSession *session;
  IapRoomServer *server;
  GSettings *settings;
  GPtrArray *addresses;         /* IapRoomAddress */
};

G_DEFINE_FINAL_TYPE (IapVotingWindow, iap_voting_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean forbidden;

/**
 * iap_voting_forbid:
 *
 * Keeps room voting off for the rest of this run, whatever the
 * preference: `iap-workshop --no-network`.
 */
void
iap_voting_forbid (void)
{
  forbidden = TRUE;
}

/* Returns: whether this run may serve a vote at all */
gboolean
iap_voting_is_allowed (void)
{
  return !forbidden;
}

static const char *
kind_text (IapRoomAddressKind kind)
{
  switch (kind)
    {
    case IAP_ROOM_ADDRESS_LOOPBACK:
      return _("this computer only");
    case IAP_ROOM_ADDRESS_PRIVATE:
      return _("local network");
    case IAP_ROOM_ADDRESS_LINK_LOCAL:
      return _("network without a router");
    case IAP_ROOM_ADDRESS_SHARED:
      return _("provider’s network: looks public");
    case IAP_ROOM_ADDRESS_PUBLIC:
    case IAP_ROOM_ADDRESS_ANY:
    default:
      return _("looks public");
    }
}

static IapRoomAddress *
chosen_address (IapVotingWindow *self)
{
  guint i = adw_combo_row_get_selected (self->address_row);

  return i < self->addresses->len ? self->addresses->pdata[i] : NULL;
}

static void
update_actions (IapVotingWindow *self)
{
  gboolean allowed = iap_voting_is_allowed () && g_settings_get_boolean (self->settings, "room-voting");
  gboolean running = self->server != NULL && iap_room_server_get_running (self->server);
  gboolean open = iap_round_session_get_stage (self->session) == IAP_ROUND_STAGE_OPEN;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voting.start",
                                 allowed && open && !running && chosen_address (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voting.stop", running);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), running);
}

static void
show_page (IapVotingWindow *self)
{
  gboolean allowed = iap_voting_is_allowed () && g_settings_get_boolean (self->settings, "room-voting");
  gboolean running = self->server != NULL && iap_room_server_get_running (self->server);

  if (!iap_voting_is_allowed ())
    {
      adw_status_page_set_description (self->off_page,
                                       _("This copy of IAP Workshop was started with --no-network: it serves "
                                         "nothing on any network. Start it without that option to vote from "
                                         "phones."));
      gtk_widget_set_visible (GTK_WIDGET (self->allow_row), FALSE);
    }
  else if (!g_settings_is_writable (self->settings, "room-voting"))
    adw_status_page_set_description (self->off_page,
                                     _("Your administrator has turned room voting off on this computer."));
  else
    adw_status_page_set_description (self->off_page,
                                     _("Participants can score from their own phones over this room’s network, "
                                       "with no internet: this computer then serves a few pages to the phones, "
                                       "only while you let it."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->allow_row), g_settings_is_writable (self->settings, "room-voting"));

  gtk_stack_set_visible_child_name (self->stack, !allowed && !running ? "off" : running ? "running" : "setup");
  update_actions (self);
}

static void
on_address_selected (IapVotingWindow *self)
{
  IapRoomAddress *address = chosen_address (self);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_row),
                          address != NULL && iap_room_address_kind_is_public (address->kind));
  update_actions (self);
}

static void
fill_addresses (IapVotingWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  self->addresses = iap_room_list_addresses ();
  for (guint i = 0; i < self->addresses->len; i++)
    {
      IapRoomAddress *address = self->addresses->pdata[i];
      /* Translators: a network of this computer: "192.168.1.20 (wlan0, local network)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s, %s)"), address->address, address->interface,
                                                kind_text (address->kind));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->address_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->address_row, 0);
  on_address_selected (self);
}

/* A participant's row: how many of the round's risks they have scored */
static void
update_participant_row (AdwActionRow *row)
{
  IapRoundSession *session = g_object_get_data (G_OBJECT (row), "session");
  const char *id = g_object_get_data (G_OBJECT (row), "participant");
  guint n = g_list_model_get_n_items (iap_round_session_get_risks (session));
  guint scored = MIN (iap_round_session_count_scores (session, id), n);
  g_autofree char *text = NULL;

  /* Translators: a participant's progress in a room vote: "5 of 12 risks scored" */
  text = g_strdup_printf (_("%u of %u risks scored"), scored, n);
  adw_action_row_set_subtitle (row, text);
}

static GtkWidget *
new_code_button (IapVotingWindow *self,
                 const char      *label,
                 const char      *code,
                 const char      *participant)
{
  g_autofree char *url = iap_room_server_dup_join_url (self->server, participant);
  g_autofree char *a11y = g_strdup_printf (_("Show the QR code of %s"), label);
  g_autofree char *heading = g_strdup_printf (_("%s: scan with your phone"), label);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *qr = iap_qr_view_new ();
  GtkWidget *text = gtk_label_new (code);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("QR Code"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  iap_qr_view_set_text (IAP_QR_VIEW (qr), url);
  gtk_widget_set_size_request (qr, 240, 240);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (text, "monospace");
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), qr);
  gtk_box_append (GTK_BOX (box), text);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static GtkWidget *
new_participant_row (gpointer item,
                     gpointer data)
{
  IapVotingWindow *self = data;
  IapParticipant *participant = item;
  const char *id = iap_participant_get_id (participant);
  g_autofree char *label = iap_participant_dup_label (participant);
  g_autofree char *code = iap_round_session_dup_ballot_code (self->session, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *code_label = gtk_label_new (code);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_add_css_class (code_label, "monospace");
  gtk_label_set_selectable (GTK_LABEL (code_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (code_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Join code"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), code_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_code_button (self, label, code, id));
  g_object_set_data_full (G_OBJECT (row), "participant", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "session", self->session);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (update_participant_row), row,
                           G_CONNECT_SWAPPED);
  update_participant_row (ADW_ACTION_ROW (row));

  return row;
}

static GtkWidget *
new_refusal_row (gpointer item,
                 gpointer data)
{
  IapRoomRefusal *refusal = item;
  g_autofree char *time = g_date_time_format (iap_room_refusal_get_time (refusal), "%X");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: when and from where a request was refused: "14:02:11 · 192.168.1.31" */
  subtitle = g_strdup_printf (_("%s · %s"), time, iap_room_refusal_get_address (refusal));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iap_room_refusal_get_reason (refusal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
update_status (IapVotingWindow *self)
{
  guint n_participants = iap_round_session_get_n_participants (self->session);
  guint n_refused = g_list_model_get_n_items (iap_room_server_get_refusals (self->server));
  g_autofree char *status = NULL;
  g_autofree char *refused = NULL;

  /* Translators: the state of a room vote: "4 of 13 participants have voted" */
  status = g_strdup_printf (_("%u of %u participants have voted. Scan the code, then type your join code."),
                            iap_round_session_get_n_scored (self->session), n_participants);
  gtk_label_set_label (self->status_label, status);
  /* Translators: how many requests the vote server refused */
  refused = g_strdup_printf (_("Refused: %u"), n_refused);
  adw_preferences_group_set_description (self->refusals_group, refused);
}

static void
show_running (IapVotingWindow *self)
{
  const char *url = iap_room_server_get_url (self->server);
  IapWorkshop *workshop = iap_round_session_get_workshop (self->session);

  gtk_label_set_label (self->url_label, url);
  iap_qr_view_set_text (self->room_qr, url);
  gtk_list_box_bind_model (self->participants_list, iap_workshop_get_participants (workshop),
                           new_participant_row, self, NULL);
  gtk_list_box_bind_model (self->refusals_list, iap_room_server_get_refusals (self->server),
                           new_refusal_row, NULL, NULL);
  update_status (self);
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

static void
stop (IapVotingWindow *self,
      const char      *why)
{
  if (self->server == NULL || !iap_room_server_get_running (self->server))
    return;

  iap_room_server_stop (self->server);
  gtk_list_box_bind_model (self->participants_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->refusals_list, NULL, NULL, NULL, NULL);
  gtk_label_set_label (self->setup_label, why);
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IapVotingWindow *self = IAP_VOTING_WINDOW (widget);
  IapRoomAddress *address = chosen_address (self);
  g_autoptr(GError) error = NULL;

  if (address == NULL || !iap_voting_is_allowed ())
    return;

  if (self->server == NULL)
    {
      self->server = iap_room_server_new (self->session);
      g_signal_connect_object (iap_room_server_get_refusals (self->server), "items-changed",
                               G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
    }
  /* The usual port, or any free one when another program has it */
  if (!iap_room_server_start (self->server, address->address, PREFERRED_PORT, &error))
    {
      g_clear_error (&error);
      iap_room_server_start (self->server, address->address, 0, &error);
    }
  if (error != NULL)
    {
      iap_dialogs_show_error (GTK_WINDOW (self), _("Voting could not start"), error->message);
      return;
    }
  show_running (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  stop (IAP_VOTING_WINDOW (widget), _("Voting stopped. The scores sent so far are in the round."));
}

/* The round revealed, closed or replaced: no more votes */
static void
on_stage_changed (IapVotingWindow *self)
{
  if (iap_round_session_get_stage (self->session) != IAP_ROUND_STAGE_OPEN)
    stop (self, _("Voting stopped: the round is no longer open. The scores sent before are in the round."));
  update_actions (self);
}

static void
on_session_changed (IapVotingWindow *self)
{
  if (self->server != NULL && iap_room_server_get_running (self->server))
    update_status (self);
}

static void
iap_voting_window_constructed (GObject *object)
{
  IapVotingWindow *self = (IapVotingWindow *)object;

  G_OBJECT_CLASS (iap_voting_window_parent_class)->constructed (object);

  g_signal_connect_object (self->session, "notify::stage", G_CALLBACK (on_stage_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  fill_addresses (self);
  show_page (self);
}

static void
iap_voting_window_dispose (GObject *object)
{
  IapVotingWindow *self = (IapVotingWindow *)object;

  /* Closing the window stops the vote: nothing listens after it */
  if (self->server != NULL)
    iap_room_server_stop (self->server);
  g_clear_object (&self->server);
  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_VOTING_WINDOW);

  G_OBJECT_CLASS (iap_voting_window_parent_class)->dispose (object);
}

static void
iap_voting_window_finalize (GObject *object)
{
  IapVotingWindow *self = (IapVotingWindow *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);

  G_OBJECT_CLASS (iap_voting_window_parent_class)->finalize (object);
}

static void
iap_voting_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IapVotingWindow *self = IAP_VOTING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_URL:
      g_value_set_string (value, iap_voting_window_get_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_voting_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IapVotingWindow *self = IAP_VOTING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_voting_window_class_init (IapVotingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iap_voting_window_constructed;
  object_class->dispose = iap_voting_window_dispose;
  object_class->finalize = iap_voting_window_finalize;
  object_class->get_property = iap_voting_window_get_property;
  object_class->set_property = iap_voting_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         IAP_TYPE_ROUND_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IAP_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/iap-voting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, off_page);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, allow_row);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, allow_switch);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, warning_row);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, setup_label);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, room_qr);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, url_label);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, participants_list);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, refusals_group);
  gtk_widget_class_bind_template_child (widget_class, IapVotingWindow, refusals_list);

  gtk_widget_class_install_action (widget_class, "voting.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "voting.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iap_voting_window_init (IapVotingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "room-voting", self->allow_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::room-voting", G_CALLBACK (show_page), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->address_row, "notify::selected", G_CALLBACK (on_address_selected), self,
                           G_CONNECT_SWAPPED);
}

/**
 * iap_voting_window_new:
 *
 * Returns: (transfer full): a window to let the participants score the
 *   round in play of @session from their phones
 */
IapVotingWindow *
iap_voting_window_new (IapRoundSession *session)
{
  g_return_val_if_fail (IAP_IS_ROUND_SESSION (session), NULL);

  return g_object_new (IAP_TYPE_VOTING_WINDOW, "session", session, NULL);
}

/* Returns: (nullable): the voting address while the vote runs */
const char *
iap_voting_window_get_url (IapVotingWindow *self)
{
  g_return_val_if_fail (IAP_IS_VOTING_WINDOW (self), NULL);

  return self->server != NULL ? iap_room_server_get_url (self->server) : NULL;
}

/**
 * iap_voting_window_stop:
 *
 * Stops the vote, if it runs, before the window goes: the round window
 * closing.
 */
void
iap_voting_window_stop (IapVotingWindow *self)
{
  g_return_if_fail (IAP_IS_VOTING_WINDOW (self));

  stop (self, _("Voting stopped. The scores sent so far are in the round."));
}
