/* vex_scope.h: task scopes, structured concurrency (Kotlin's coroutineScope, Java's
 * StructuredTaskScope, Tokio's JoinSet).
 *
 * A scope is a handle of its own kind in the handle table.  Tasks are spawned as usual and then
 * moved into a scope; joining the scope waits for every task in it.  The first task that fails
 * cancels every other task still running in the scope, and the join reports that failure; a
 * cancel of the scope does the same without a failure.
 *
 * %vex_scope_new() -> i64                  a new, empty scope on the current runtime; 0 when the
 *                                          handle table or memory ran out, or no runtime
 * %vex_scope_add(i64 scope, i64 task) -> i64
 *                                          moves the task handle into the scope (the handle is
 *                                          consumed: the scope joins the task).  0, or
 *                                          VEX_ERR_BAD_HANDLE (either handle bad; nothing
 *                                          consumed), or VEX_ERR_BUSY (a vex_cancel holds the task
 *                                          handle at that moment; nothing consumed).  Added to a
 *                                          scope already cancelled or failed, the task is
 *                                          cancelled at once (the join still waits for it).
 * %vex_scope_cancel(i64 scope) -> i64      cancels every task of the scope still running (at its
 *                                          next suspension); the join reports "cancelled" unless
 *                                          a failure came first.  0 or VEX_ERR_BAD_HANDLE.
 * async %vex_scope_join(i64 scope) -> i64 status, i64 value
 *                                          waits until every task added has finished (tasks added
 *                                          while it waits are waited for too); consumes the scope
 *                                          handle.  (VEX_TASK_COMPLETED, 0) all completed;
 *                                          (VEX_TASK_FAILED, trap code) the first failure, the
 *                                          others were cancelled; (VEX_TASK_CANCELLED, 0) after
 *                                          vex_scope_cancel.  A bad handle fails the joining task
 *                                          with VEX_FAIL_BAD_HANDLE.  Cancelling the joining task
 *                                          cancels every task of the scope.
 * A scope made by a task belongs to it, as the tasks it spawns do: if that task ends without
 * returning (cancelled, or failed) while it still holds the scope handle, the scope is cancelled
 * and its handle released.
 * The tasks' results are not kept: a task hands its result on through memory or a channel.
 * Frame: VEX_SCOPE_JOIN_FRAME_SIZE, 8-aligned; the value at offset 16. */
#ifndef VEX_SCOPE_H
#define VEX_SCOPE_H

#include "vex_runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VEX_SCOPE_JOIN_FRAME_SIZE 24

VEX_API int64_t vex_scope_new(void);
VEX_API int64_t vex_scope_add(int64_t scope, int64_t task);
VEX_API int64_t vex_scope_cancel(int64_t scope);
VEX_API vex_poll vex_scope_join(void *frame, vex_task *task);
VEX_API extern const vex_future_desc vex_scope_join_desc;

#ifdef __cplusplus
}
#endif
#endif
