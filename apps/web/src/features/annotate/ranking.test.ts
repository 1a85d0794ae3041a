import { describe, expect, it } from "vitest";
import {
  appendKey,
  joinGroup,
  moveGroup,
  placeBefore,
  placeOf,
  type Ranking,
  tieWithPrevious,
  untie,
} from "./ranking";

describe("ranking operations", () => {
  it("appends, ties with the last group, and re-places an option already ranked", () => {
    let r = appendKey([], "C", false);
    r = appendKey(r, "A", true);
    r = appendKey(r, "D", false);
    expect(r).toEqual([["C", "A"], ["D"]]);
    expect(appendKey(r, "C", false)).toEqual([["A"], ["D"], ["C"]]);
  });

  it("moves, ties and unties groups", () => {
    const ranking: Ranking = [["A"], ["B"], ["C"]];
    expect(moveGroup(ranking, 2, -1)).toEqual([["A"], ["C"], ["B"]]);
    expect(moveGroup(ranking, 0, -1)).toBe(ranking);
    expect(tieWithPrevious(ranking, 1)).toEqual([["A", "B"], ["C"]]);
    const tied: Ranking = [["A", "B"], ["C"]];
    expect(untie(tied, 0)).toEqual([["A"], ["B"], ["C"]]);
  });

  it("drops a dragged option before a group or into it", () => {
    const ranking: Ranking = [["A"], ["B"], ["C"]];
    expect(placeBefore(ranking, "C", 0)).toEqual([["C"], ["A"], ["B"]]);
    expect(placeBefore(ranking, "A", "end")).toEqual([["B"], ["C"], ["A"]]);
    expect(joinGroup(ranking, "C", 0)).toEqual([["A", "C"], ["B"]]);
  });

  it("labels shared places", () => {
    const ranking: Ranking = [["C"], ["A", "B"], ["D"]];
    expect(placeOf(ranking, "C")).toEqual({ n: 1, tied: false });
    expect(placeOf(ranking, "B")).toEqual({ n: 2, tied: true });
    expect(placeOf(ranking, "D")).toEqual({ n: 4, tied: false });
    expect(placeOf(ranking, "E")).toBeNull();
  });
});
