/* escale-service-row.h — one service of a partner, in the partner editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "escale-partner-store.h"

G_BEGIN_DECLS

#define ESCALE_TYPE_SERVICE_ROW (escale_service_row_get_type ())
G_DECLARE_FINAL_TYPE (EscaleServiceRow, escale_service_row, ESCALE, SERVICE_ROW, AdwExpanderRow)

typedef enum {
  ESCALE_SERVICE_PART_THEME,         /* a code GtkDropDown */
  ESCALE_SERVICE_PART_DESCRIPTION,   /* AdwEntryRow */
  ESCALE_SERVICE_PART_DOCUMENTS,     /* AdwEntryRow */
  ESCALE_SERVICE_PART_TOTAL,         /* AdwEntryRow: places, blank when unknown */
  ESCALE_SERVICE_PART_FREE,          /* AdwEntryRow: free places, blank when unknown */
} EscaleServicePart;

GtkWidget            *escale_service_row_new       (EscaleStore                *store);
/* Shows @service; its id, uuid and capacity stamps are kept for collect. */
void                  escale_service_row_fill      (EscaleServiceRow           *self,
                                                    const EscalePartnerService *service);
/* The service as edited; numbers that cannot be read add errors to
 * @errors (EscalePartnerError at @index) and are left unknown. */
EscalePartnerService *escale_service_row_collect   (EscaleServiceRow           *self,
                                                    guint                       index,
                                                    GPtrArray                  *errors);
/* The row under which the messages about @field are shown. */
GtkWidget            *escale_service_row_get_owner (EscaleServiceRow           *self,
                                                    EscalePartnerField          field);
GtkWidget            *escale_service_row_get_part  (EscaleServiceRow           *self,
                                                    EscaleServicePart           part);
/* The check button of the eligibility @code, or %NULL. */
GtkCheckButton       *escale_service_row_get_check (EscaleServiceRow           *self,
                                                    const char                 *code);

G_END_DECLS
