/**
 * Staff actions on a case: 三事分流 (triage), 定责定时定措施 (assign), the public answer, internal notes,
 * merging a duplicate and transferring to another town. Each one is a single batch: the guarded update,
 * its public and/or internal events, and the audit row. A case in the wrong state answers 409.
 */

import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { actionStates, type CaseAction, suggestedDeadline } from "#core/case.ts";
import { responsibleItem } from "#core/duties.ts";
import { t } from "#core/i18n/index.ts";
import { chinaDate } from "#core/period.ts";
import { townByCode } from "#core/reference.ts";
import { unfilledBlank } from "#core/reply-template.ts";
import { runAudited } from "../audit/queries.ts";
import { nowOf } from "../config/context.ts";
import { idParams } from "../contract/params.ts";
import { body, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import type { StaffEnv } from "../staff/session.ts";
import { canSeeCase, loadCase, refusal } from "./access.ts";
import { type CaseRow, caseById, eventStatement, everOnDiscipline, guardedUpdate, isStateConflict } from "./queries.ts";
import { actionBodies, actionBodyRules, actionRefusal, caseNotFound, fieldError } from "./schema.ts";
import { type CaseView, caseView } from "./view.ts";

export const caseActions = createRouter<StaffEnv>();

const summaries: Record<CaseAction, string> = {
  triage: "三事分流",
  assign: "定责、定时、定措施",
  answer: "公开答复",
  note: "内部备注",
  merge: "并入另一个重复的案件",
  transfer: "转给另一个镇",
};

/** POST /api/staff/reports/{id}/<action> with that action's JSON body. */
const action = <const P extends string, S extends z.ZodType>(name: CaseAction, path: P, schema: S) =>
  route(
    {
      method: "post",
      path: `/reports/{id}/${path}`,
      summary: summaries[name],
      request: { params: idParams, body: body(schema) },
      responses: json<CaseView | { transferred: true }>("案件现在的样子（转出本镇后是 {transferred: true}）"),
    },
    {
      refusals: { param: caseNotFound, json: actionRefusal },
      body: actionBodyRules,
      errors: { 403: "没有权限", 409: "案件的状态不允许这样做" },
    },
  );

/** The case of the request, after checking the member may see it and take `action` now. */
async function caseFor(c: Context<StaffEnv>, id: number, action: CaseAction): Promise<CaseRow> {
  const row = await loadCase(c.env.DB, c.get("staff"), id);
  const refused = refusal(c.get("staff"), row, action);
  if (refused) throw refused;
  return row;
}

/** Runs the action's statements with its audit row and answers with the case as it now is. */
async function commit(
  c: Context<StaffEnv>,
  row: CaseRow,
  action: CaseAction,
  statements: D1PreparedStatement[],
  detail: Record<string, unknown>,
) {
  const staff = c.get("staff");
  try {
    await runAudited(
      c.env.DB,
      { action: `report_${action}`, actorId: staff.id, actor: staff.username, target: `report:${row.id}`, detail },
      statements,
    );
  } catch (err) {
    if (!isStateConflict(err)) throw err;
    const now = (await caseById(c.env.DB, row.id)) ?? row;
    throw refusal(staff, now, action) ?? new ApiError(409, "wrong_state", t("cases.error.state.changed"));
  }
  const updated = await loadCase(c.env.DB, staff, row.id).catch(() => null);
  // after a transfer out of their town the member no longer sees the case
  return c.json(
    updated ? await caseView(c.env.DB, staff, updated, chinaDate(nowOf(c))) : { transferred: true as const },
    200,
  );
}

const event = (row: CaseRow, actor: string, kind: string, isPublic: boolean, body: string | null, on: string) => ({
  id: row.id,
  kind,
  public: isPublic,
  body,
  actor,
  on,
});

const triageAction = caseActions.openapi(action("triage", "triage", actionBodies.triage), async (c) => {
  const { route } = c.req.valid("json");
  const row = await caseFor(c, c.req.valid("param").id, "triage");
  if (row.kind === "misconduct" && route !== "discipline")
    throw fieldError("route", "cases.error.field.routeMisconduct");
  // what went to discipline never comes back to the village's own cadres (they only ever see "转镇里办理")
  if ((route === "village" || route === "neighbours") && (await everOnDiscipline(c.env.DB, row.id)))
    throw fieldError("route", "cases.error.field.routeFromDiscipline");
  const today = chinaDate(nowOf(c));
  const actor = c.get("staff").username;
  const db = c.env.DB;
  const statements = [
    // the first triage accepts the case; re-routing later keeps its state (and its 定责定时定措施)
    guardedUpdate(
      db,
      row.id,
      actionStates.triage,
      row.state === "received" ? "accepted" : null,
      "route = ?3, queue = ?4",
      [route, route === "discipline" ? "discipline" : "village"],
    ),
    eventStatement(db, event(row, actor, "triaged", false, route, today)),
  ];
  if (row.state === "received") statements.push(eventStatement(db, event(row, actor, "accepted", true, null, today)));
  return commit(c, row, "triage", statements, { route, from: row.route });
});

const assignAction = caseActions.openapi(action("assign", "assign", actionBodies.assign), async (c) => {
  const body = c.req.valid("json");
  const row = await caseFor(c, c.req.valid("param").id, "assign");
  const today = chinaDate(nowOf(c));
  const deadline = body.deadline || suggestedDeadline(row.kind, row.receivedOn, today);
  if (deadline < today) throw fieldError("deadline", "cases.error.field.deadlinePast", { today });
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (deadline > yearAhead) throw fieldError("deadline", "cases.error.field.deadlineFar");
  const duty = body.duty ? responsibleItem(body.duty) : undefined;
  if (body.duty && !duty) throw fieldError("duty", "duties.error.item");
  const db = c.env.DB;
  const statements = [
    guardedUpdate(
      db,
      row.id,
      actionStates.assign,
      "handling",
      "responsible = ?3, deadline = ?4, measures = ?5, duty_item = ?6",
      [body.responsible, deadline, body.measures, duty?.id ?? null],
    ),
    // the villager's timeline names the body from the published list; free text (a person, maybe) stays inside
    eventStatement(db, event(row, c.get("staff").username, "assigned", true, duty?.body ?? null, today)),
  ];
  return commit(c, row, "assign", statements, {
    responsible: body.responsible,
    deadline,
    measures: body.measures,
    duty: duty?.id ?? null,
  });
});

const answerAction = caseActions.openapi(action("answer", "answer", actionBodies.answer), async (c) => {
  const { answer } = c.req.valid("json");
  const row = await caseFor(c, c.req.valid("param").id, "answer");
  const blank = unfilledBlank(answer);
  if (blank === "") throw fieldError("answer", "cases.error.field.answerBlankStart");
  if (blank !== null) throw fieldError("answer", "cases.error.field.answerBlank", { before: blank });
  const today = chinaDate(nowOf(c));
  const db = c.env.DB;
  const statements = [
    guardedUpdate(db, row.id, actionStates.answer, "answered", "answer = ?3, answered_on = ?4, closed_on = NULL", [
      answer,
      today,
    ]),
    eventStatement(db, event(row, c.get("staff").username, "answered", true, answer, today)),
  ];
  return commit(c, row, "answer", statements, { length: answer.length });
});

const noteAction = caseActions.openapi(action("note", "notes", actionBodies.note), async (c) => {
  const { note } = c.req.valid("json");
  const row = await caseFor(c, c.req.valid("param").id, "note");
  const statements = [
    eventStatement(c.env.DB, event(row, c.get("staff").username, "note", false, note, chinaDate(nowOf(c)))),
  ];
  return commit(c, row, "note", statements, { length: note.length });
});

const mergeAction = caseActions.openapi(action("merge", "merge", actionBodies.merge), async (c) => {
  const { into } = c.req.valid("json");
  const staff = c.get("staff");
  const row = await caseFor(c, c.req.valid("param").id, "merge");
  const target = await caseById(c.env.DB, into);
  if (!target || !canSeeCase(staff, target)) throw fieldError("into", "cases.error.field.intoMissing");
  if (target.id === row.id) throw fieldError("into", "cases.error.field.intoSelf");
  if (target.mergedInto !== null) throw fieldError("into", "cases.error.field.intoMerged");
  if (target.queue !== row.queue || (target.kind === "misconduct") !== (row.kind === "misconduct")) {
    throw fieldError("into", "cases.error.field.intoQueue");
  }
  const today = chinaDate(nowOf(c));
  const db = c.env.DB;
  const statements = [
    guardedUpdate(db, row.id, actionStates.merge, "closed", "merged_into = ?3, closed_on = ?4", [target.id, today]),
    eventStatement(db, event(row, staff.username, "merged", true, null, today)),
    eventStatement(db, { ...event(target, staff.username, "merged", false, `#${row.id}`, today) }),
  ];
  return commit(c, row, "merge", statements, { into: target.id });
});

const transferAction = caseActions.openapi(action("transfer", "transfer", actionBodies.transfer), async (c) => {
  const { town } = c.req.valid("json");
  const row = await caseFor(c, c.req.valid("param").id, "transfer");
  if (town === row.town) throw fieldError("town", "cases.error.field.townSame");
  const today = chinaDate(nowOf(c));
  const actor = c.get("staff").username;
  const db = c.env.DB;
  const body = `${townByCode(row.town)?.name ?? row.town} → ${townByCode(town)?.name ?? town}`;
  const statements = [
    guardedUpdate(db, row.id, actionStates.transfer, null, "handling_town = ?3", [
      town === row.villageTown ? null : town,
    ]),
    eventStatement(db, event(row, actor, "transferred", true, null, today)),
    eventStatement(db, event(row, actor, "transferred", false, body, today)),
  ];
  return commit(c, row, "transfer", statements, { from: row.town, to: town });
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type CaseActionApi =
  | typeof triageAction
  | typeof assignAction
  | typeof answerAction
  | typeof noteAction
  | typeof mergeAction
  | typeof transferAction;
