/*
 * fazhi.h - libfazhi, the library every fazhi program stands on.
 *
 * One header per folder of lib/, each holding what the other folders
 * and the programs may use; this one includes them all, so a program
 * includes one file.  The folders, and which each may use (the arrows
 * only go down; `make check-layout` keeps them so):
 *
 *   core/     errors, arena, buffers, threads, hash maps, dates, YAML
 *             nodes, the schema of every kind, decoding, --where, labels
 *   io/       the reader, the writer, atomic output, calendars, the
 *             entity directory, data paths, shared program behaviour (core)
 *   tally/    the tally, its output, its exact merge (core, io)
 *   metrics/  approval metrics (core, io)
 *   draw/     tickets, plans, strata, teams, digests, the draw document
 *             (core, io)
 *   results/  a published draw read back, joined to inspections
 *             (core, io, draw)
 *   check/    the checks and the rules of law (core, io, draw)
 *   import/   CSV import, column maps, values (core, io, check)
 *   table/    tables of any document, CSV and xlsx out (core, io)
 *   render/   mustache, render contexts, text/md/html out (core, io, table)
 *
 * Ownership is written beside every function that takes or returns
 * memory.  No function of this library exits; only io/cli.c writes, and
 * only to the streams its caller names.
 */
#ifndef FAZHI_H
#define FAZHI_H

#include "core/core.h"
#include "io/io.h"
#include "tally/tally.h"
#include "metrics/metrics.h"
#include "draw/draw.h"
#include "results/results.h"
#include "check/check.h"
#include "import/import.h"
#include "table/table.h"
#include "render/render.h"

#endif
