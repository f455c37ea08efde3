/* cs-window-export.c
 *
 * Copyright 2026 The Contract Scope Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cs-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>

#include "cs-window-export.h"
#include "cs-application.h"
#include "cs-dialog-helpers.h"
#include "cs-progress.h"
#include "cs-questions-dialog.h"
#include "cs-review-state.h"
#include "cs-toast.h"

/*
 * The Export menu of a window (primary menu and the offer's menu): each handed-over document,
 * written to a file chosen with a GtkFileChooserNative, or printed with GtkPrintOperation. The
 * document is built on the main thread (the questions are recorded in the project), then
 * written in a worker thread; a long export shows its progress with a Cancel button; a toast
 * with "Open" says where it went. Printing draws the pages with the same CsDocumentPainter as
 * the PDF.
 *
 * The actions live in an action group "export" on the window, so that the toasts the window
 * shows can reach "export.open":
 * - export.export (ss): a document kind ("reversibility", "report", "questions") and a scope
 *   ("offer": the selected offer, "all": every offer)
 * - export.print (ss): the same, printed
 * - export.open (s): opens a URI with the default application
 * - export.answers: opens the dialog recording the provider's answers to the questions about
 *   the selected offer
 */

static CsChecklist *
get_checklist (GError **error)
{
  static CsChecklist *checklist = NULL;

  if (checklist == NULL)
    checklist = cs_checklist_new_default (error);
  return checklist;
}

/* The offer an action is about: the selected one, or 0 for "all". */
static gboolean
resolve_offer (CsWindow   *window,
               const char *scope,
               gint64     *out_offer_id)
{
  CsProjectView *view = cs_window_get_project_view (window);
  CsOffer *offer = view != NULL ? cs_project_view_get_offer (view) : NULL;

  *out_offer_id = 0;
  if (g_strcmp0 (scope, "all") == 0)
    return TRUE;
  if (offer == NULL)
    {
      cs_window_add_toast (window, adw_toast_new (_("Add an offer first: the document is about "
                                                    "one offer")));
      return FALSE;
    }
  *out_offer_id = cs_record_get_id (CS_RECORD (offer));
  return TRUE;
}

/* The paper the preferences ask for ("paper-size"), else the region's. */
static CsPaperSize
preferred_paper (CsWindow *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));
  GSettings *settings = CS_IS_APPLICATION (application)
                        ? cs_application_get_settings (CS_APPLICATION (application)) : NULL;
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "paper-size") : NULL;
  CsPaperSize paper;

  if (!cs_paper_size_from_string (name, &paper))
    paper = cs_paper_size_for_locale ();
  return paper;
}

static CsDocument *
build_document (CsWindow        *window,
                CsHandoverKind   kind,
                gint64           offer_id,
                GError         **error)
{
  CsStore *store = cs_window_get_store (window);
  CsChecklist *checklist = get_checklist (error);
  CsDocument *document;

  if (store == NULL || checklist == NULL)
    {
      if (store == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("No project is open"));
      return NULL;
    }
  document = cs_handover_build (store, checklist, cs_review_state_get_linter (NULL), kind,
                                offer_id, NULL, error);
  if (document != NULL)
    cs_document_set_paper (document, preferred_paper (window));
  return document;
}

/* Writing in a worker thread */

typedef struct
{
  CsDocument       *document;
  CsDocumentFormat  format;
  char             *path;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_object (&write->document);
  g_free (write->path);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  /* The file chooser has already asked before replacing a file. */
  if (cs_document_write (write->document, write->format, write->path, TRUE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cs_export_to_file_async:
 * @window: the window of the project
 * @kind: the document
 * @offer_id: the offer, or 0 (the report of every offer)
 * @format: the format
 * @path: the file to write (replaced if it exists; never the project itself)
 * @progress: (nullable): called from the worker thread with the fraction written, when the
 *   document's size is known (see #CsDocumentProgressFunc)
 * @progress_data: data for @progress, which must live until @callback is called
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Builds the document from the window's project, then writes it in a worker thread.
 */
void
cs_export_to_file_async (CsWindow            *window,
                         CsHandoverKind       kind,
                         gint64               offer_id,
                         CsDocumentFormat     format,
                         const char          *path,
                         CsDocumentProgressFunc progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CsStore *store = cs_window_get_store (window);
  WriteData *write;

  g_return_if_fail (CS_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_export_to_file_async);

  if (store != NULL && cs_store_is_file (store, path))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("The project itself cannot be replaced by an export; choose "
                                 "another file"));
      return;
    }

  write = g_new0 (WriteData, 1);
  write->document = build_document (window, kind, offer_id, &error);
  write->format = format;
  write->path = g_strdup (path);
  g_task_set_task_data (task, write, write_data_free);
  if (write->document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cs_document_set_progress_func (write->document, progress, progress_data);
  g_task_run_in_thread (task, write_thread);
}

/**
 * cs_export_to_file_finish:
 * @window: the window
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
cs_export_to_file_finish (CsWindow      *window,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* One export from the menu: the chooser's answer, the progress, the toast */

typedef struct
{
  CsWindow       *window;
  CsHandoverKind  kind;
  gint64          offer_id;
  GCancellable   *cancellable;
  CsProgress     *progress;
  char           *path;
} Export;

static void
export_free (Export *export)
{
  g_clear_pointer (&export->progress, cs_progress_stop);
  g_clear_object (&export->cancellable);
  g_clear_object (&export->window);
  g_free (export->path);
  g_free (export);
}

/* In the worker thread: only a number crosses to the main thread. */
static void
on_export_progress_cb (double   fraction,
                       gpointer user_data)
{
  Export *export = user_data;

  cs_progress_set_fraction (export->progress, fraction);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  if (!cs_export_to_file_finish (CS_WINDOW (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cs_toast_show_error (GTK_WIDGET (export->window), error);
      else
        cs_window_add_toast (export->window,
                             adw_toast_new (_("Export cancelled; nothing was written")));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (export->path);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_markup_printf_escaped (_("Exported “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "export.open");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      cs_window_add_toast (export->window, toast);
    }
  export_free (export);
}

static void
start_export (Export           *export,
              CsDocumentFormat  format)
{
  g_autofree char *name = g_path_get_basename (export->path);
  /* Translators: %s is a file name */
  g_autofree char *body = g_strdup_printf (_("Writing “%s”…"), name);

  export->cancellable = g_cancellable_new ();
  export->progress = cs_progress_start (GTK_WINDOW (export->window), _("Exporting"), body,
                                        _("Export progress"), export->cancellable);
  cs_export_to_file_async (export->window, export->kind, export->offer_id, format, export->path,
                           on_export_progress_cb, export, export->cancellable, export_done_cb,
                           export);
}

static const char * const format_ids[] = { "pdf", "html", "csv", "xlsx", "md", NULL };
static const char * const format_labels[] = {
  N_("PDF"), N_("HTML"), N_("CSV"), N_("Excel (XLSX)"), N_("Markdown"), NULL
};

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  CsDocumentFormat format = CS_DOCUMENT_FORMAT_PDF;
  const char *dot;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen = file != NULL ? g_file_get_path (file) : NULL;

  /* The extension typed wins; otherwise the format chosen, whose extension is added. */
  dot = chosen != NULL ? strrchr (chosen, '.') : NULL;
  if (dot != NULL && cs_document_format_from_string (dot + 1, &format))
    export->path = g_steal_pointer (&chosen);
  else if (chosen != NULL)
    {
      cs_document_format_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                   "format"),
                                      &format);
      export->path = g_strconcat (chosen, ".", cs_document_format_get_extension (format), NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (export->path == NULL)
    export_free (export);
  else
    start_export (export, format);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CsWindow *window = CS_WINDOW (user_data);
  CsStore *store = cs_window_get_store (window);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  const char *kind_name, *scope;
  Export *export;

  g_variant_get (parameter, "(&s&s)", &kind_name, &scope);
  export = g_new0 (Export, 1);
  if (store == NULL || !cs_handover_kind_from_string (kind_name, &export->kind)
      || !resolve_offer (window, scope, &export->offer_id))
    {
      g_free (export);
      return;
    }
  export->window = g_object_ref (window);

  chooser = cs_file_chooser_new (GTK_WINDOW (window), _("Export"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               (const char **) format_ids, (const char **) format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "pdf");
  name = cs_handover_default_file_name (store, export->kind, export->offer_id, NULL,
                                        CS_DOCUMENT_FORMAT_PDF);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL
                                ? g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)
                                : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing: the PDF's painter, on the pages GtkPrintOperation hands out */

typedef struct
{
  CsDocument        *document;
  CsDocumentPainter *painter;
} Print;

static void
print_free (gpointer  data,
            GClosure *closure)
{
  Print *print = data;

  g_clear_pointer (&print->painter, cs_document_painter_free);
  g_clear_object (&print->document);
  g_free (print);
}

/* Draws pages into nothing until @painter has drawn @n_pages, or to the end (-1). */
static guint
skip_pages (CsDocumentPainter *painter,
            int                n_pages)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  gboolean more = TRUE;

  while (more && (n_pages < 0 || (int) cs_document_painter_get_n_pages_done (painter) < n_pages))
    {
      if (!cs_document_painter_draw_page (painter, cr, &more, NULL, NULL))
        break;
      /* drop what was drawn */
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return cs_document_painter_get_n_pages_done (painter);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Print             *print)
{
  g_autoptr(CsDocumentPainter) counter = NULL;

  counter = cs_document_painter_new (print->document, gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (1, skip_pages (counter, -1)));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 Print             *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gboolean more = FALSE;

  /* Pages come in order when printing; a preview may jump: then start again. */
  if (print->painter == NULL
      || (int) cs_document_painter_get_n_pages_done (print->painter) > page_nr)
    {
      g_clear_pointer (&print->painter, cs_document_painter_free);
      print->painter = cs_document_painter_new (print->document,
                                                gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));
    }
  skip_pages (print->painter, page_nr);
  cs_document_painter_draw_page (print->painter, cr, &more, NULL, NULL);
}

/**
 * cs_export_print_document:
 * @parent: the window
 * @document: the document
 * @export_path: (nullable): %NULL to show the print dialog (with its preview); else the PDF
 *   file GTK prints to without a dialog (the tests use it)
 *
 * Prints @document with the same drawing as its PDF, on the paper the document asks for by
 * default.
 */
void
cs_export_print_document (GtkWindow  *parent,
                          CsDocument *document,
                          const char *export_path)
{
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  Print *print = g_new0 (Print, 1);

  print->document = g_object_ref (document);
  paper = gtk_paper_size_new (cs_document_get_paper (document) == CS_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, cs_document_get_landscape (document)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The painter draws its own margins, header and footer. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, cs_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* print lives as long as the operation's handlers */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb), print,
                         (GClosureNotify) G_CALLBACK (print_free), 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), print);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  if (gtk_print_operation_run (operation, action, parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR
      && CS_IS_WINDOW (parent))
    cs_toast_show_error (GTK_WIDGET (parent), error);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CsWindow *window = CS_WINDOW (user_data);
  g_autoptr(CsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CsHandoverKind kind;
  const char *kind_name, *scope;
  gint64 offer_id = 0;

  g_variant_get (parameter, "(&s&s)", &kind_name, &scope);
  if (cs_window_get_store (window) == NULL || !cs_handover_kind_from_string (kind_name, &kind)
      || !resolve_offer (window, scope, &offer_id))
    return;

  document = build_document (window, kind, offer_id, &error);
  if (document == NULL)
    {
      cs_toast_show_error (GTK_WIDGET (window), error);
      return;
    }
  cs_export_print_document (GTK_WINDOW (window), document, NULL);
}

static void
on_launched_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    cs_toast_show_error (window, error);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), NULL, NULL,
                                           on_launched_cb, g_object_ref (user_data));
}

static void
answers_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CsWindow *window = user_data;
  CsProjectView *view = cs_window_get_project_view (window);
  CsOffer *offer = view != NULL ? cs_project_view_get_offer (view) : NULL;
  g_autoptr(GError) error = NULL;
  CsChecklist *checklist;
  GtkWidget *dialog;
  gint64 offer_id = 0;

  if (cs_window_get_store (window) == NULL || !resolve_offer (window, "offer", &offer_id))
    return;
  checklist = get_checklist (&error);
  if (checklist == NULL)
    {
      cs_toast_show_error (GTK_WIDGET (window), error);
      return;
    }
  dialog = cs_questions_dialog_new (cs_window_get_store (window), offer, checklist,
                                    cs_review_state_get_linter (NULL));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry export_actions[] = {
  { "export", export_action, "(ss)", NULL, NULL },
  { "print", print_action, "(ss)", NULL, NULL },
  { "open", open_action, "s", NULL, NULL },
  { "answers", answers_action, NULL, NULL, NULL },
};

/**
 * cs_export_attach:
 * @window: a #CsWindow with its application
 *
 * Adds the "export" action group to @window and Ctrl+P (print the reversibility checklist of
 * the selected offer) to its application.
 */
void
cs_export_attach (CsWindow *window)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkApplication *application;

  g_return_if_fail (CS_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), export_actions,
                                   G_N_ELEMENTS (export_actions), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (group));

  application = gtk_window_get_application (GTK_WINDOW (window));
  if (application != NULL)
    gtk_application_set_accels_for_action (application,
                                           "export.print(('reversibility','offer'))",
                                           (const char *[]) { "<Control>p", NULL });
}
