"use client";

import type { TGoldInput, TItemDetail } from "@arbiter/shared";
import { useState } from "react";
import { Button, ConfirmDialog, Input, useToast } from "@/components/ui";
import { clearGold, markGold, reopenItem, retireItem } from "../api";
import styles from "./data.module.css";

type Dialog = "gold" | "clearGold" | "retire" | "reopen" | null;

/** Gold, retire and reopen for staff who may change the project; each asks first. */
export function ItemActions({
  projectId,
  item,
  onChange,
}: {
  projectId: string;
  item: TItemDetail;
  onChange: (next: TItemDetail) => void;
}) {
  const [open, setOpen] = useState<Dialog>(null);
  const [gold, setGold] = useState<string>("0");
  const [more, setMore] = useState("1");
  const toast = useToast();
  const close = () => setOpen(null);
  const done = (message: string) => (res: { item: TItemDetail }) => {
    onChange(res.item);
    toast({ message });
  };
  const pairwise = item.taskType === "pairwise";
  const goldInput = (): TGoldInput =>
    gold === "tie" || gold === "both_bad"
      ? { preferred: gold }
      : pairwise
        ? { preferred: Number(gold) as 0 | 1 }
        : {
            ranking: [
              [Number(gold)],
              item.completions.map((c) => c.position).filter((p) => p !== Number(gold)),
            ],
          };
  const moreN = Math.min(100, Math.max(1, Math.trunc(Number(more)) || 1));

  return (
    <div className={styles.actions}>
      {item.isGold ? (
        <Button onClick={() => setOpen("clearGold")}>Unmark gold</Button>
      ) : (
        <Button onClick={() => setOpen("gold")}>Mark as gold…</Button>
      )}
      {item.status === "DISABLED" || item.status === "COMPLETE" ? (
        <Button onClick={() => setOpen("reopen")}>Reopen…</Button>
      ) : null}
      {item.status !== "DISABLED" ? (
        <Button variant="danger" onClick={() => setOpen("retire")}>
          Retire…
        </Button>
      ) : null}

      <ConfirmDialog
        open={open === "gold"}
        title="Mark as gold"
        confirmLabel="Mark as gold"
        onClose={close}
        onConfirm={() => markGold(projectId, item.id, goldInput()).then(done("Marked as gold"))}
      >
        <fieldset className={styles.radios}>
          <legend>{pairwise ? "The correct answer" : "The best completion"}</legend>
          {item.completions.map((c) => (
            <label key={c.id}>
              <input
                type="radio"
                name="gold-answer"
                value={String(c.position)}
                checked={gold === String(c.position)}
                onChange={() => setGold(String(c.position))}
              />
              #{c.position + 1} {c.model} is better
            </label>
          ))}
          {pairwise ? (
            <>
              <label>
                <input
                  type="radio"
                  name="gold-answer"
                  checked={gold === "tie"}
                  onChange={() => setGold("tie")}
                />
                A tie
              </label>
              <label>
                <input
                  type="radio"
                  name="gold-answer"
                  checked={gold === "both_bad"}
                  onChange={() => setGold("both_bad")}
                />
                Both bad
              </label>
            </>
          ) : null}
        </fieldset>
        <p className={styles.meta}>
          Annotators get gold items mixed into their work and are scored against this answer.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={open === "clearGold"}
        title="Unmark gold"
        confirmLabel="Unmark gold"
        onClose={close}
        onConfirm={() => clearGold(projectId, item.id).then(done("No longer gold"))}
      >
        The item becomes an ordinary one. Answers already scored against it keep their score.
      </ConfirmDialog>

      <ConfirmDialog
        open={open === "retire"}
        title="Retire this item?"
        confirmLabel="Retire item"
        danger
        onClose={close}
        onConfirm={() => retireItem(projectId, item.id).then(done("Item retired"))}
      >
        No one will be asked to judge it again (annotators holding it now lose it), and exports leave it out.
        Its {item.judgments.length} judgment{item.judgments.length === 1 ? "" : "s"} are kept; you can reopen
        it later.
      </ConfirmDialog>

      <ConfirmDialog
        open={open === "reopen"}
        title="Reopen this item"
        confirmLabel="Reopen"
        onClose={close}
        onConfirm={() => reopenItem(projectId, item.id, moreN).then(done("Item reopened"))}
      >
        <Input
          label="More judgments wanted"
          hint={`It has ${item.judgmentsCount} counted; it will want at least ${item.judgmentsCount + moreN} (now ${item.judgmentsWanted}).`}
          type="number"
          min={1}
          max={100}
          value={more}
          onChange={(e) => setMore(e.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
