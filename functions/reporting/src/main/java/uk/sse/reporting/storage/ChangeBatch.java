package uk.sse.reporting.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.sse.reporting.model.Change;

/** A batch of changes sorted by kind, in the order they came: what one transaction writes. */
public record ChangeBatch(
        List<Change.BrokerageEvent> brokerage,
        List<Change.OfferVersion> offers,
        List<Change.SchoolProfile> schools,
        List<Change.LedgerAccount> accounts,
        List<Change.LedgerTransfer> transfers) {

    public static ChangeBatch of(Collection<? extends Change> changes) {
        ChangeBatch b = new ChangeBatch(
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Change c : changes) {
            switch (c) {
                case Change.BrokerageEvent e -> b.brokerage.add(e);
                case Change.OfferVersion o -> b.offers.add(o);
                case Change.SchoolProfile s -> b.schools.add(s);
                case Change.LedgerAccount a -> b.accounts.add(a);
                case Change.LedgerTransfer t -> b.transfers.add(t);
            }
        }
        return b;
    }
}
