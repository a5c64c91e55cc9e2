package uk.sse.directory.search;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import uk.sse.embeddings.SentenceEmbeddings;

/** The search's plain classes as beans: the JVM's embedding model (loaded when search is first needed) and the area scopes. */
@Factory
public class SearchBeans {

    @Singleton
    SentenceEmbeddings sentenceEmbeddings() {
        return SentenceEmbeddings.shared();
    }

    @Singleton
    SemanticAreas semanticAreas(SentenceEmbeddings embeddings) {
        return new SemanticAreas(embeddings::embedAll);
    }
}
