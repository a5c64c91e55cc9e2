package uk.sse.directory.search;

import java.util.List;
import uk.sse.directory.application.LocatePostcode;
import uk.sse.directory.model.DeliveryMode;
import uk.sse.directory.model.Designation;
import uk.sse.directory.model.Phase;
import uk.sse.directory.model.ProviderType;

/**
 * The search as asked, each value already of the right shape but not yet checked against the register or taxonomy.
 * {@code postcode}, if given, has been found in the postcode directory.
 */
public record OfferSearchParameters(
        String q,
        List<String> area,
        List<Phase> phase,
        List<DeliveryMode> mode,
        List<ProviderType> providerType,
        List<Designation> designation,
        Integer maxPrice,
        String availableIn,
        String near,
        LocatePostcode.Found postcode,
        Double lat,
        Double lon,
        Integer radiusKm,
        boolean inPersonOnly,
        String sort,
        int page,
        int size) {}
