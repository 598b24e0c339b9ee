/*
 * libcurl, loaded on first use. scripts/build-release links this file (as libcurl.a) into the
 * static-stdlib reportcli in place of libcurl.so: it defines every curl function that
 * FoundationNetworking calls, and each one loads the system's libcurl.so.4 with dlopen the
 * first time any of them runs, then calls the real function. A process that makes no HTTP
 * request (a pipeline step, a profile, --version) never loads libcurl and the 26 libraries
 * it needs (GnuTLS, Kerberos, LDAP, libssh2, nghttp2, …): about 5 ms of every start.
 *
 * Every function here is hidden: it serves this binary's own calls and never stands in for
 * libcurl's exported names, so libcurl's calls into itself stay inside libcurl.
 *
 * The types are the C ABI of curl's: its enums (CURLcode, CURLoption, …) are ints, handles
 * are pointers, curl_off_t is 64 bits, curl_socket_t an int. No curl header is needed.
 *
 * When libcurl.so.4 cannot be loaded (or lacks a function), the first call prints one line
 * naming the library and the loader's reason to standard error and ends the process with
 * status 3 (an outside system failed): FoundationNetworking treats every curl failure as a
 * programming error (`try!`), so a failing return would only add a crash report after it.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LAZY_CURL_LIBRARY
#define LAZY_CURL_LIBRARY "libcurl.so.4"
#endif

#define HIDDEN __attribute__((visibility("hidden")))

/* The curl functions this file forwards, in the order of `lazy_curl_names`. */
enum {
    F_global_init, F_version, F_version_info, F_free,
    F_easy_init, F_easy_cleanup, F_easy_setopt, F_easy_getinfo, F_easy_pause, F_easy_strerror,
    F_multi_init, F_multi_cleanup, F_multi_add_handle, F_multi_remove_handle, F_multi_assign,
    F_multi_setopt, F_multi_socket_action, F_multi_info_read,
    F_slist_append, F_slist_free_all,
    F_url, F_url_cleanup, F_url_get, F_url_set,
    F_ws_recv, F_ws_send, F_ws_meta,
    F_count
};

static const char *const lazy_curl_names[F_count] = {
    "curl_global_init", "curl_version", "curl_version_info", "curl_free",
    "curl_easy_init", "curl_easy_cleanup", "curl_easy_setopt", "curl_easy_getinfo", "curl_easy_pause", "curl_easy_strerror",
    "curl_multi_init", "curl_multi_cleanup", "curl_multi_add_handle", "curl_multi_remove_handle", "curl_multi_assign",
    "curl_multi_setopt", "curl_multi_socket_action", "curl_multi_info_read",
    "curl_slist_append", "curl_slist_free_all",
    "curl_url", "curl_url_cleanup", "curl_url_get", "curl_url_set",
    "curl_ws_recv", "curl_ws_send", "curl_ws_meta",
};

static pthread_once_t lazy_curl_once = PTHREAD_ONCE_INIT;
static void *lazy_curl_functions[F_count];
static char lazy_curl_reason[512];

/* Opens the library and looks up every name once; a name the library lacks stays NULL. */
static void lazy_curl_load(void) {
    void *library = dlopen(LAZY_CURL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(lazy_curl_reason, sizeof lazy_curl_reason, "%s", reason ? reason : "unknown reason");
        return;
    }
    for (int index = 0; index < F_count; index++) lazy_curl_functions[index] = dlsym(library, lazy_curl_names[index]);
}

/* Stops the process with one line on standard error; never returns. */
static void lazy_curl_fail(const char *what) {
    char line[768];
    int length = snprintf(line, sizeof line,
        "reportcli: error: HTTP needs libcurl, and %s (install libcurl4 or your system's libcurl package)\n", what);
    if (length > (int)sizeof line - 1) length = (int)sizeof line - 1;
    if (length > 0) { ssize_t ignored = write(STDERR_FILENO, line, (size_t)length); (void)ignored; }
    _exit(3);
}

/* The real function `index`, loading libcurl on the first call from any thread. */
static void *lazy_curl(int index) {
    pthread_once(&lazy_curl_once, lazy_curl_load);
    void *function = lazy_curl_functions[index];
    if (function == NULL) {
        char what[640];
        if (lazy_curl_reason[0] != '\0') snprintf(what, sizeof what, LAZY_CURL_LIBRARY " could not be loaded: %s", lazy_curl_reason);
        else snprintf(what, sizeof what, "the loaded " LAZY_CURL_LIBRARY " has no %s", lazy_curl_names[index]);
        lazy_curl_fail(what);
    }
    return function;
}

#define REAL(name, type) ((type)lazy_curl(F_##name))

HIDDEN int curl_global_init(long flags) { return REAL(global_init, int (*)(long))(flags); }
HIDDEN char *curl_version(void) { return REAL(version, char *(*)(void))(); }
HIDDEN void *curl_version_info(int age) { return REAL(version_info, void *(*)(int))(age); }
HIDDEN void curl_free(void *pointer) { REAL(free, void (*)(void *))(pointer); }

HIDDEN void *curl_easy_init(void) { return REAL(easy_init, void *(*)(void))(); }
HIDDEN void curl_easy_cleanup(void *easy) { REAL(easy_cleanup, void (*)(void *))(easy); }
HIDDEN int curl_easy_pause(void *easy, int bitmask) { return REAL(easy_pause, int (*)(void *, int))(easy, bitmask); }
HIDDEN const char *curl_easy_strerror(int code) { return REAL(easy_strerror, const char *(*)(int))(code); }

/*
 * curl_easy_setopt and curl_multi_setopt take one argument whose type the option's number
 * gives: below 10000 a long, below 20000 a data pointer, below 30000 a function pointer,
 * below 40000 a curl_off_t, from 40000 a pointer to a struct curl_blob.
 */
#define FORWARD_OPTION(real, handle, option, arguments)                                   \
    do {                                                                                   \
        if ((option) < 10000) return real(handle, option, va_arg(arguments, long));        \
        if ((option) < 20000) return real(handle, option, va_arg(arguments, void *));      \
        if ((option) < 30000) return real(handle, option, va_arg(arguments, void (*)(void))); \
        if ((option) < 40000) return real(handle, option, va_arg(arguments, int64_t));     \
        return real(handle, option, va_arg(arguments, void *));                            \
    } while (0)

static int easy_setopt(void *easy, int option, va_list arguments) {
    int (*real)(void *, int, ...) = REAL(easy_setopt, int (*)(void *, int, ...));
    FORWARD_OPTION(real, easy, option, arguments);
}

HIDDEN int curl_easy_setopt(void *easy, int option, ...) {
    va_list arguments;
    va_start(arguments, option);
    int code = easy_setopt(easy, option, arguments);
    va_end(arguments);
    return code;
}

/* curl_easy_getinfo's one argument is always a pointer to where the answer goes. */
HIDDEN int curl_easy_getinfo(void *easy, int info, ...) {
    va_list arguments;
    va_start(arguments, info);
    void *answer = va_arg(arguments, void *);
    va_end(arguments);
    return REAL(easy_getinfo, int (*)(void *, int, ...))(easy, info, answer);
}

HIDDEN void *curl_multi_init(void) { return REAL(multi_init, void *(*)(void))(); }
HIDDEN int curl_multi_cleanup(void *multi) { return REAL(multi_cleanup, int (*)(void *))(multi); }
HIDDEN int curl_multi_add_handle(void *multi, void *easy) { return REAL(multi_add_handle, int (*)(void *, void *))(multi, easy); }
HIDDEN int curl_multi_remove_handle(void *multi, void *easy) { return REAL(multi_remove_handle, int (*)(void *, void *))(multi, easy); }
HIDDEN int curl_multi_assign(void *multi, int socket, void *data) {
    return REAL(multi_assign, int (*)(void *, int, void *))(multi, socket, data);
}
HIDDEN int curl_multi_socket_action(void *multi, int socket, int events, int *running) {
    return REAL(multi_socket_action, int (*)(void *, int, int, int *))(multi, socket, events, running);
}
HIDDEN void *curl_multi_info_read(void *multi, int *queued) { return REAL(multi_info_read, void *(*)(void *, int *))(multi, queued); }

static int multi_setopt(void *multi, int option, va_list arguments) {
    int (*real)(void *, int, ...) = REAL(multi_setopt, int (*)(void *, int, ...));
    FORWARD_OPTION(real, multi, option, arguments);
}

HIDDEN int curl_multi_setopt(void *multi, int option, ...) {
    va_list arguments;
    va_start(arguments, option);
    int code = multi_setopt(multi, option, arguments);
    va_end(arguments);
    return code;
}

HIDDEN void *curl_slist_append(void *list, const char *text) { return REAL(slist_append, void *(*)(void *, const char *))(list, text); }
HIDDEN void curl_slist_free_all(void *list) { REAL(slist_free_all, void (*)(void *))(list); }

HIDDEN void *curl_url(void) { return REAL(url, void *(*)(void))(); }
HIDDEN void curl_url_cleanup(void *url) { REAL(url_cleanup, void (*)(void *))(url); }
HIDDEN int curl_url_get(void *url, int part, char **text, unsigned int flags) {
    return REAL(url_get, int (*)(void *, int, char **, unsigned int))(url, part, text, flags);
}
HIDDEN int curl_url_set(void *url, int part, const char *text, unsigned int flags) {
    return REAL(url_set, int (*)(void *, int, const char *, unsigned int))(url, part, text, flags);
}

HIDDEN int curl_ws_recv(void *easy, void *buffer, size_t length, size_t *received, void **frame) {
    return REAL(ws_recv, int (*)(void *, void *, size_t, size_t *, void **))(easy, buffer, length, received, frame);
}
HIDDEN int curl_ws_send(void *easy, const void *buffer, size_t length, size_t *sent, int64_t frameSize, unsigned int flags) {
    return REAL(ws_send, int (*)(void *, const void *, size_t, size_t *, int64_t, unsigned int))(easy, buffer, length, sent, frameSize, flags);
}
HIDDEN void *curl_ws_meta(void *easy) { return REAL(ws_meta, void *(*)(void *))(easy); }
