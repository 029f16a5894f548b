// One input per item of the ballot paper, drawn by the item's kind (web/src/kinds/<kind>/voter.ts).
import { html } from '../shared/html.js';
import type { BallotItem } from '../shared/live.js';
import { type Draft, voterPart } from '../kinds/voter.js';

export interface ItemInputProps {
  item: BallotItem;
  draft: Draft;
  name: string;
  heading: string;
  quietHeading: boolean;
  problem: string | null;
  onChange: (draft: Draft) => void;
}

export function ItemInput(props: ItemInputProps) {
  const { item, draft } = props;
  if (item.kind !== draft.kind) return null;
  const common = { name: props.name, heading: props.heading, quietHeading: props.quietHeading, problem: props.problem, onChange: props.onChange };
  return html`<${voterPart(item.kind).Input} item=${item} draft=${draft} ...${common} />`;
}
