/* escale-map-base.c — which base layer the map draws, from the settings and the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-basemap.h"
#include "escale-local-tiles.h"
#include "escale-map-base.h"

struct _EscaleMapBase
{
  GObject            parent_instance;

  GSettings         *settings;          /* nullable */
  GNetworkMonitor   *monitor_override;  /* nullable */
  GNetworkMonitor   *monitor;           /* watched while online tiles may be used */
  ShumateMapSource  *offline;
  ShumateMapSource  *local;             /* nullable */
  char              *local_path;        /* what local was opened from, or tried */
  ShumateMapSource  *online;            /* nullable */
  EscaleMapBaseKind  kind;
  ShumateMapSource  *source;            /* what is drawn, a reference */
  ShumateMapSource  *cached;            /* nullable */
};

G_DEFINE_FINAL_TYPE (EscaleMapBase, escale_map_base, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (EscaleMapBase *self);

static ShumateMapSource *
new_online_source (void)
{
  g_autoptr(ShumateMapSourceRegistry) registry = NULL;
  ShumateMapSource *source;

  static gsize agent_set = 0;

  /* OpenStreetMap's tile policy asks to name the application. */
  if (g_once_init_enter (&agent_set))
    {
      g_autofree char *agent = g_strdup_printf ("Escale/%s %s", PACKAGE_VERSION,
                                                shumate_get_user_agent ());

      shumate_set_user_agent (agent);
      g_once_init_leave (&agent_set, 1);
    }
  registry = shumate_map_source_registry_new_with_defaults ();
  source = g_object_ref (shumate_map_source_registry_get_by_id (registry,
                                                                SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  /* Translators: the credits under the map when OpenStreetMap's tiles are shown */
  shumate_map_source_set_license (source, _("Map data © OpenStreetMap contributors"));
  shumate_map_source_set_license_uri (source, "https://www.openstreetmap.org/copyright");
  return source;
}

static void
load_local (EscaleMapBase *self,
            const char    *path)
{
  g_autoptr(EscaleLocalTiles) tiles = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (path, self->local_path) == 0)
    return;
  g_clear_object (&self->local);
  g_free (self->local_path);
  self->local_path = g_strdup (path);
  if (path[0] == '\0')
    return;
  tiles = escale_local_tiles_new (path, &error);
  if (tiles == NULL)
    g_debug ("Map tiles not used: %s", error->message);
  else
    self->local = escale_local_tiles_new_map_source (tiles);
}

static void
on_network_changed_cb (EscaleMapBase *self)
{
  update (self);
}

static void
watch_network (EscaleMapBase *self,
               gboolean       watch)
{
  if (watch && self->monitor == NULL)
    {
      self->monitor = g_object_ref (self->monitor_override ? self->monitor_override
                                                           : g_network_monitor_get_default ());
      g_signal_connect_object (self->monitor, "network-changed",
                               G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else if (!watch && self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
}

static void
update (EscaleMapBase *self)
{
  g_autofree char *path = self->settings ? g_settings_get_string (self->settings, "map-tiles-path")
                                         : g_strdup ("");
  gboolean allowed = self->settings && g_settings_get_boolean (self->settings, "online-map-tiles");
  ShumateMapSource *source, *cached;
  gboolean online, changed;

  load_local (self, path);
  allowed = allowed && self->local == NULL;
  watch_network (self, allowed);
  if (allowed && self->online == NULL)
    self->online = new_online_source ();
  else if (!allowed)
    g_clear_object (&self->online);
  online = allowed && g_network_monitor_get_network_available (self->monitor);

  self->kind = self->local ? ESCALE_MAP_BASE_LOCAL
             : online ? ESCALE_MAP_BASE_ONLINE : ESCALE_MAP_BASE_OFFLINE;
  source = self->local ? self->local : online ? self->online : self->offline;
  cached = allowed && !online ? self->online : NULL;
  changed = g_set_object (&self->source, source);
  changed |= g_set_object (&self->cached, cached);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
escale_map_base_dispose (GObject *object)
{
  EscaleMapBase *self = ESCALE_MAP_BASE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  watch_network (self, FALSE);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitor_override);
  g_clear_object (&self->source);
  g_clear_object (&self->cached);
  g_clear_object (&self->offline);
  g_clear_object (&self->local);
  g_clear_object (&self->online);
  G_OBJECT_CLASS (escale_map_base_parent_class)->dispose (object);
}

static void
escale_map_base_finalize (GObject *object)
{
  g_free (ESCALE_MAP_BASE (object)->local_path);
  G_OBJECT_CLASS (escale_map_base_parent_class)->finalize (object);
}

static void
escale_map_base_class_init (EscaleMapBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = escale_map_base_dispose;
  object_class->finalize = escale_map_base_finalize;

  /**
   * EscaleMapBase::changed:
   *
   * The base layer or the cached source changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
escale_map_base_init (EscaleMapBase *self)
{
  self->offline = SHUMATE_MAP_SOURCE (escale_basemap_new ());
  self->source = g_object_ref (self->offline);
}

/* Public API */

EscaleMapBase *
escale_map_base_new (GSettings *settings)
{
  EscaleMapBase *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ESCALE_TYPE_MAP_BASE, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::online-map-tiles", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::map-tiles-path", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
  return self;
}

void
escale_map_base_set_network_monitor (EscaleMapBase   *self,
                                     GNetworkMonitor *monitor)
{
  g_return_if_fail (ESCALE_IS_MAP_BASE (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (!g_set_object (&self->monitor_override, monitor))
    return;
  if (self->monitor != NULL)
    {
      /* Watch the new one instead. */
      watch_network (self, FALSE);
      update (self);
    }
}

EscaleMapBaseKind
escale_map_base_get_kind (EscaleMapBase *self)
{
  g_return_val_if_fail (ESCALE_IS_MAP_BASE (self), ESCALE_MAP_BASE_OFFLINE);
  return self->kind;
}

ShumateMapSource *
escale_map_base_get_source (EscaleMapBase *self)
{
  g_return_val_if_fail (ESCALE_IS_MAP_BASE (self), NULL);
  return self->source;
}

ShumateMapSource *
escale_map_base_get_cached_source (EscaleMapBase *self)
{
  g_return_val_if_fail (ESCALE_IS_MAP_BASE (self), NULL);
  return self->cached;
}

gboolean
escale_map_base_uses_network (EscaleMapBase *self)
{
  g_return_val_if_fail (ESCALE_IS_MAP_BASE (self), FALSE);
  return self->monitor != NULL || self->online != NULL;
}
