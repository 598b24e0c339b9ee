// The system SQLite (Debian: libsqlite3-dev), plus the few calls Swift cannot make itself.
#ifndef CSQLITE_H
#define CSQLITE_H

#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift does not import: turn on defensive mode
// (no writable_schema, no shadow-table writes) for a connection. Returns SQLITE_OK or an error.
static inline int csqlite_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

#endif
