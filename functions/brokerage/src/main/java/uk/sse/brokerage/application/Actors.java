package uk.sse.brokerage.application;

import uk.sse.brokerage.model.Actor;
import uk.sse.brokerage.model.ActorKind;
import uk.sse.kernel.identity.Caller;

/** The caller of the API as the model knows them: the role names are the same. */
public final class Actors {

    private Actors() { }

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), ActorKind.valueOf(caller.role().name()), caller.area(), caller.organisation());
    }
}
