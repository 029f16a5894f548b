// The phone's hook for proposals to convene an extraordinary session (临时会议): it asks once (and again
// whenever the server says a proposal changed) which representatives' proposals of the term collect
// signatures, and only if one does loads the card (a chunk of its own) — most meetings never need it.
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import type { LiveMeeting } from '../shared/live.js';
import type { Proposal } from './extraordinary-types.js';

type Cards = typeof import('./extraordinary-panel.js')['ExtraordinaryCards'];

let loading: Promise<Cards> | null = null;
function loadCards(): Promise<Cards> {
  loading ??= import('./extraordinary-panel.js').then((module) => module.ExtraordinaryCards);
  loading.catch(() => (loading = null));
  return loading;
}

interface Updated {
  proposalId: string;
  termId: string;
  state: Proposal['state'];
  signatures: number;
  threshold: number;
  representatives: number;
  reached: boolean;
}

/** Open representatives' proposals of the term, live: counts from the push itself, anything new read again. */
export function ExtraordinaryProposals({ live, termId, representative }: { live: LiveMeeting; termId: string; representative: boolean }) {
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [cards, setCards] = useState<{ Cards: Cards } | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      api
        .get<{ proposals: Proposal[] }>(`/api/terms/${termId}/extraordinary-proposals`)
        .then((body) => current && setProposals(body.proposals.filter((proposal) => proposal.proposer === 'representatives' && proposal.state === 'collecting')))
        .catch(() => undefined);
    const onUpdated = (update: Updated) => {
      if (update.termId !== termId) return;
      setProposals((known) => {
        const found = known.find((proposal) => proposal.id === update.proposalId);
        if (!found || found.state !== update.state) {
          void read();
          return known;
        }
        return known.map((proposal) =>
          proposal.id === update.proposalId ? { ...proposal, signatures: update.signatures, threshold: update.threshold, representatives: update.representatives, reached: update.reached } : proposal,
        );
      });
    };
    void read();
    live.socket.on('extraordinary:updated', onUpdated);
    live.socket.on('connect', read);
    return () => {
      current = false;
      live.socket.off('extraordinary:updated', onUpdated);
      live.socket.off('connect', read);
    };
  }, [live, termId]);
  useEffect(() => {
    if (proposals.length > 0 && !cards)
      loadCards().then(
        (loaded) => setCards({ Cards: loaded }),
        () => undefined,
      );
  }, [proposals.length > 0]);
  if (proposals.length === 0 || !cards) return null;
  const replace = (next: Proposal) => setProposals((known) => known.map((proposal) => (proposal.id === next.id ? next : proposal)));
  return html`<${cards.Cards} proposals=${proposals} representative=${representative} onChange=${replace} />`;
}
