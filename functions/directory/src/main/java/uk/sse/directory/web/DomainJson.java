package uk.sse.directory.web;

import io.micronaut.serde.annotation.SerdeImport;
import uk.sse.directory.application.ImportSchoolRegister;
import uk.sse.directory.imports.ImportCounts;
import uk.sse.directory.imports.Rejection;
import uk.sse.directory.model.AssuranceRecord;
import uk.sse.directory.model.Contact;
import uk.sse.directory.model.Evidence;
import uk.sse.directory.model.GeoPoint;
import uk.sse.directory.model.Offer;
import uk.sse.directory.model.OfferContent;
import uk.sse.directory.model.Provider;
import uk.sse.directory.model.QualitySignals;
import uk.sse.directory.register.RejectedRow;
import uk.sse.directory.register.School;
import uk.sse.kernel.paging.Page;
import uk.sse.kernel.taxonomy.Term;

/** The domain's records are answered as they are: serialisers are generated for them here, not in the model. */
@SerdeImport(Offer.class)
@SerdeImport(QualitySignals.class)
@SerdeImport(OfferContent.class)
@SerdeImport(AssuranceRecord.class)
@SerdeImport(Evidence.class)
@SerdeImport(Contact.class)
@SerdeImport(GeoPoint.class)
@SerdeImport(Provider.class)
@SerdeImport(uk.sse.directory.model.DesignationRefusal.class)
@SerdeImport(Page.class)
@SerdeImport(School.class)
@SerdeImport(School.Trust.class)
@SerdeImport(School.Federation.class)
@SerdeImport(School.Ofsted.class)
@SerdeImport(School.SendProvision.class)
@SerdeImport(ImportCounts.class)
@SerdeImport(Rejection.class)
@SerdeImport(Term.class)
@SerdeImport(ImportSchoolRegister.Report.class)
@SerdeImport(RejectedRow.class)
final class DomainJson {

    private DomainJson() {}
}
