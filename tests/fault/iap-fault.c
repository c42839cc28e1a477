/* iap-fault.c
 *
 * Copyright 2026 The IAP Workshop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An LD_PRELOAD shim that makes one system call fail, so that tests can
 * show what `iap-workshop upgrade` does on a full disk, an I/O error or a
 * refused permission at each step of a save, on the real binary.
 *
 *   IAP_FAULT=CALL:N:ERRNO  fail the Nth CALL (open, write, fsync, fchmod,
 *                           close, link, rename) with ERRNO (ENOSPC, EIO,
 *                           EACCES, EROFS, EPERM)
 *   IAP_FAULT_DIR=DIR       count only calls on files in DIR (or DIR itself)
 *   IAP_FAULT_LOG=FILE      append “CALL N PATH” when the fault fires
 *   IAP_SLOW_READ=MS        make each read of a file in DIR take MS
 *                           milliseconds more: a large file on a slow disk,
 *                           for the window's progress of an open; with
 *                           IAP_FAULT_LOG, append “read PATH” for each
 *
 * Variants (open64, openat, fdatasync, renameat, linkat…) count as the
 * call they stand for. No GLib here: the shim sits under it.
 */

#define _GNU_SOURCE
/* open and open64 are both defined here: no redirection of one to the other. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef enum
{
  CALL_OPEN, CALL_WRITE, CALL_FSYNC, CALL_FCHMOD, CALL_CLOSE, CALL_LINK, CALL_RENAME, N_CALLS
} Call;

static const char * const call_names[N_CALLS] = {
  "open", "write", "fsync", "fchmod", "close", "link", "rename",
};

static int fault_call = -1;
static long slow_read_ms;
static long fault_nth;
static int fault_errno;
static const char *fault_dir;
static long counts[N_CALLS];

static int
errno_from_name (const char *name)
{
  static const struct { const char *name; int value; } names[] = {
    { "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EACCES", EACCES },
    { "EROFS", EROFS }, { "EPERM", EPERM }, { "EDQUOT", EDQUOT },
  };

  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp (name, names[i].name) == 0)
      return names[i].value;

  return atoi (name);
}

__attribute__((constructor)) static void
fault_init (void)
{
  const char *spec = getenv ("IAP_FAULT");
  char call[32];
  char name[32];

  fault_dir = getenv ("IAP_FAULT_DIR");
  if (getenv ("IAP_SLOW_READ") != NULL)
    slow_read_ms = atol (getenv ("IAP_SLOW_READ"));
  if (spec == NULL || sscanf (spec, "%31[^:]:%ld:%31s", call, &fault_nth, name) != 3)
    return;

  for (int i = 0; i < N_CALLS; i++)
    if (strcmp (call, call_names[i]) == 0)
      fault_call = i;
  fault_errno = errno_from_name (name);
}

static int
is_watched (const char *path)
{
  size_t n;

  if (fault_dir == NULL || path == NULL)
    return fault_dir == NULL;

  n = strlen (fault_dir);
  return strncmp (path, fault_dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static const char *
absolute (const char *path,
          char       *buffer)
{
  char cwd[PATH_MAX];

  if (path == NULL || path[0] == '/' || getcwd (cwd, sizeof cwd) == NULL)
    return path;

  if (snprintf (buffer, PATH_MAX, "%s/%s", cwd, path) >= PATH_MAX)
    return path;
  return buffer;
}

static const char *
fd_path (int   fd,
         char *buffer)
{
  char proc[64];
  ssize_t n;

  if (snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd) >= (int)sizeof proc)
    return NULL;
  n = readlink (proc, buffer, PATH_MAX - 1);
  if (n < 0)
    return NULL;
  buffer[n] = '\0';

  return buffer;
}

/* Returns nonzero, with errno set, when this call is the one to fail. */
static int
should_fail (Call        call,
             const char *path)
{
  const char *log = getenv ("IAP_FAULT_LOG");
  long n;

  if (fault_call != (int)call || !is_watched (path))
    return 0;

  n = __atomic_add_fetch (&counts[call], 1, __ATOMIC_SEQ_CST);
  if (n != fault_nth)
    return 0;

  if (log != NULL)
    {
      int saved = errno;
      FILE *out = fopen (log, "a");

      if (out != NULL)
        {
          fprintf (out, "%s %ld %s\n", call_names[call], n, path);
          fclose (out);
        }
      errno = saved;
    }

  errno = fault_errno;
  return 1;
}

static int
should_fail_fd (Call call,
                int  fd)
{
  char buffer[PATH_MAX];

  if (fault_call != (int)call)
    return 0;

  return should_fail (call, fd_path (fd, buffer));
}

static int
should_fail_path (Call        call,
                  const char *path)
{
  char buffer[PATH_MAX];

  if (fault_call != (int)call)
    return 0;

  return should_fail (call, absolute (path, buffer));
}

#define REAL(type, name, args) \
  static type (*real) args; \
  if (real == NULL) \
    real = (type (*) args)dlsym (RTLD_NEXT, name)

static mode_t
open_mode (int     flags,
           va_list ap)
{
  return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg (ap, int) : 0;
}

int
open (const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;
  REAL (int, "open", (const char *, int, ...));

  va_start (ap, flags);
  mode = open_mode (flags, ap);
  va_end (ap);
  if (should_fail_path (CALL_OPEN, path))
    return -1;
  return real (path, flags, mode);
}

int
open64 (const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;
  REAL (int, "open64", (const char *, int, ...));

  va_start (ap, flags);
  mode = open_mode (flags, ap);
  va_end (ap);
  if (should_fail_path (CALL_OPEN, path))
    return -1;
  return real (path, flags, mode);
}

int
openat (int dirfd, const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;
  REAL (int, "openat", (int, const char *, int, ...));

  va_start (ap, flags);
  mode = open_mode (flags, ap);
  va_end (ap);
  /* Only paths relative to the working folder are resolved. */
  if ((dirfd == AT_FDCWD || path[0] == '/') && should_fail_path (CALL_OPEN, path))
    return -1;
  return real (dirfd, path, flags, mode);
}

int
openat64 (int dirfd, const char *path, int flags, ...)
{
  va_list ap;
  mode_t mode;
  REAL (int, "openat64", (int, const char *, int, ...));

  va_start (ap, flags);
  mode = open_mode (flags, ap);
  va_end (ap);
  if ((dirfd == AT_FDCWD || path[0] == '/') && should_fail_path (CALL_OPEN, path))
    return -1;
  return real (dirfd, path, flags, mode);
}

ssize_t
read (int fd, void *buffer, size_t count)
{
  char path[PATH_MAX];
  REAL (ssize_t, "read", (int, void *, size_t));

  if (slow_read_ms > 0 && fault_dir != NULL && is_watched (fd_path (fd, path)))
    {
      const char *log = getenv ("IAP_FAULT_LOG");

      if (log != NULL)
        {
          int saved = errno;
          FILE *out = fopen (log, "a");

          if (out != NULL)
            {
              fprintf (out, "read %s\n", path);
              fclose (out);
            }
          errno = saved;
        }
      usleep ((useconds_t)(slow_read_ms * 1000));
    }
  return real (fd, buffer, count);
}

ssize_t
write (int fd, const void *buffer, size_t count)
{
  REAL (ssize_t, "write", (int, const void *, size_t));

  if (should_fail_fd (CALL_WRITE, fd))
    return -1;
  return real (fd, buffer, count);
}

int
fsync (int fd)
{
  REAL (int, "fsync", (int));

  if (should_fail_fd (CALL_FSYNC, fd))
    return -1;
  return real (fd);
}

int
fdatasync (int fd)
{
  REAL (int, "fdatasync", (int));

  if (should_fail_fd (CALL_FSYNC, fd))
    return -1;
  return real (fd);
}

int
fchmod (int fd, mode_t mode)
{
  REAL (int, "fchmod", (int, mode_t));

  if (should_fail_fd (CALL_FCHMOD, fd))
    return -1;
  return real (fd, mode);
}

int
close (int fd)
{
  REAL (int, "close", (int));

  /* Like Linux, the descriptor is gone even when close() fails. */
  if (should_fail_fd (CALL_CLOSE, fd))
    {
      int saved = errno;

      real (fd);
      errno = saved;
      return -1;
    }
  return real (fd);
}

int
link (const char *from, const char *to)
{
  REAL (int, "link", (const char *, const char *));

  if (should_fail_path (CALL_LINK, to))
    return -1;
  return real (from, to);
}

int
linkat (int fromfd, const char *from, int tofd, const char *to, int flags)
{
  REAL (int, "linkat", (int, const char *, int, const char *, int));

  if ((tofd == AT_FDCWD || to[0] == '/') && should_fail_path (CALL_LINK, to))
    return -1;
  return real (fromfd, from, tofd, to, flags);
}

int
rename (const char *from, const char *to)
{
  REAL (int, "rename", (const char *, const char *));

  if (should_fail_path (CALL_RENAME, to))
    return -1;
  return real (from, to);
}

int
renameat (int fromfd, const char *from, int tofd, const char *to)
{
  REAL (int, "renameat", (int, const char *, int, const char *));

  if ((tofd == AT_FDCWD || to[0] == '/') && should_fail_path (CALL_RENAME, to))
    return -1;
  return real (fromfd, from, tofd, to);
}

int
renameat2 (int fromfd, const char *from, int tofd, const char *to, unsigned int flags)
{
  REAL (int, "renameat2", (int, const char *, int, const char *, unsigned int));

  if ((tofd == AT_FDCWD || to[0] == '/') && should_fail_path (CALL_RENAME, to))
    return -1;
  return real (fromfd, from, tofd, to, flags);
}
