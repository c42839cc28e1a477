/* iap-text-area.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A text of several lines (notes, the mandate's features, a rationale)
 * that edits one string property of the workshop as it is typed, in a
 * card as wide as the page: a paragraph is read whole, never cut to the
 * width of a one-line entry.
 */

#define G_LOG_DOMAIN "iap-text-area"

#include "config.h"

#include "iap-text-area.h"

struct _IapTextArea
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkTextView *view;

  /* Owned */
  IapWorkshop *workshop;
  GSignalGroup *workshop_signals;
  char *property_name;
  char *title;

  /* Set while the text is changed to follow the model */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (IapTextArea, iap_text_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROPERTY_NAME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * iap_text_view_dup_text:
 *
 * Returns: (transfer full): the whole text of @view
 */
char *
iap_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * iap_text_view_sync_text:
 * @text: (nullable): the text the model holds
 *
 * Shows @text in @view unless it already does: writing the same text
 * back would move the cursor of someone typing.
 */
void
iap_text_view_sync_text (GtkTextView *view,
                         const char  *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  current = iap_text_view_dup_text (view);
  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
dup_buffer_text (IapTextArea *self)
{
  return iap_text_view_dup_text (self->view);
}

static char *
dup_model_text (IapTextArea *self)
{
  char *value = NULL;

  if (self->workshop != NULL && self->property_name != NULL)
    g_object_get (self->workshop, self->property_name, &value, NULL);

  return value != NULL ? value : g_strdup ("");
}

static void
sync_from_model (IapTextArea *self)
{
  g_autofree char *text = dup_buffer_text (self);
  g_autofree char *value = dup_model_text (self);

  /* Writing the same text back would move the cursor while typing. */
  if (g_strcmp0 (text, value) == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), value, -1);
  self->syncing = FALSE;
}

static void
on_workshop_notify (IapTextArea *self,
                    GParamSpec  *pspec)
{
  if (g_strcmp0 (pspec->name, self->property_name) == 0)
    sync_from_model (self);
}

static void
on_buffer_changed (IapTextArea *self)
{
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (self->syncing || self->workshop == NULL || self->property_name == NULL)
    return;

  text = dup_buffer_text (self);
  value = dup_model_text (self);
  if (g_strcmp0 (text, value) != 0)
    iap_workshop_set_text (self->workshop, self->workshop, self->property_name, text);
}

static void
iap_text_area_dispose (GObject *object)
{
  IapTextArea *self = IAP_TEXT_AREA (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IAP_TYPE_TEXT_AREA);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (iap_text_area_parent_class)->dispose (object);
}

static void
iap_text_area_finalize (GObject *object)
{
  IapTextArea *self = IAP_TEXT_AREA (object);

  g_clear_pointer (&self->property_name, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (iap_text_area_parent_class)->finalize (object);
}

static void
iap_text_area_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IapTextArea *self = IAP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      g_value_set_string (value, self->property_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iap_text_area_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IapTextArea *self = IAP_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_PROPERTY_NAME:
      if (g_strcmp0 (self->property_name, g_value_get_string (value)) == 0)
        return;
      g_free (self->property_name);
      self->property_name = g_value_dup_string (value);
      sync_from_model (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) == 0)
        return;
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                      -1);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
iap_text_area_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (IAP_TEXT_AREA (widget)->view));
}

static void
iap_text_area_class_init (IapTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iap_text_area_dispose;
  object_class->finalize = iap_text_area_finalize;
  object_class->get_property = iap_text_area_get_property;
  object_class->set_property = iap_text_area_set_property;
  widget_class->grab_focus = iap_text_area_grab_focus;

  /* The string property of the workshop that the text edits */
  properties[PROP_PROPERTY_NAME] =
    g_param_spec_string ("property-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What a screen reader calls the text */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "textarea");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/iap-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, IapTextArea, view);
}

static void
iap_text_area_init (IapTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The card's rounded corners clip the view */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->workshop_signals = g_signal_group_new (IAP_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify",
                                  G_CALLBACK (on_workshop_notify), self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

void
iap_text_area_set_workshop (IapTextArea *self,
                            IapWorkshop *workshop)
{
  g_return_if_fail (IAP_IS_TEXT_AREA (self));
  g_return_if_fail (workshop == NULL || IAP_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  g_signal_group_set_target (self->workshop_signals, workshop);
  sync_from_model (self);
}

/* The view, to give it an accessible name or a mnemonic label */
GtkTextView *
iap_text_area_get_view (IapTextArea *self)
{
  g_return_val_if_fail (IAP_IS_TEXT_AREA (self), NULL);

  return self->view;
}
