/**
 * 2nd line: create an offer. A draft quotation for the ticket's customer, its origin the ticket's
 * reference, opened in Odoo for the engineer to complete, and logged on the ticket. Without the Sales
 * app the button says so.
 */
import { useEffect, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { OdooFailure } from '../OdooFailure';
import { createOffer, recordUrl, salesInstalled, ticketReference } from '@/lib/odoo/ticket-actions';

function Offer(props: PanelProps) {
  const { ticket, rpc, facts } = props;
  const [sales, setSales] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    salesInstalled(rpc).then(
      (installed) => current && setSales(installed),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [rpc]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const { offer, noteError } = await createOffer({ rpc, flavour: facts.flavour, version: facts.version }, ticket);
      window.open(recordUrl(location.origin, 'sale.order', offer.id, facts.version), '_blank', 'noopener');
      props.afterChange(`Draft quotation ${offer.name} created for ${ticket.customer?.name ?? 'the customer'} and opened in a new tab.${noteError ? ` ${noteError}` : ''}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (sales === false) {
    return (
      <button type="button" disabled>
        Create offer: the Sales app is not installed in this Odoo
      </button>
    );
  }
  return (
    <div>
      {error !== null && <OdooFailure error={error} />}
      <button type="button" disabled={sales === null || busy} onClick={() => void create()}>
        {busy ? 'Creating…' : `Create offer (draft quotation for ${ticket.customer?.name ?? 'the customer'}, origin ${ticketReference(ticket)})`}
      </button>
    </div>
  );
}

export const offerPanel: SidebarPanel = {
  id: 'offer',
  title: 'Create an offer',
  appliesTo: (stage) => stage === 'second-line',
  Component: Offer,
};
