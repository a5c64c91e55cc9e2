package uk.sse.web.session;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a page's method take the signed-in {@link Person}; without one the person is sent to sign in. */
@Singleton
public class PersonArgumentBinder implements TypedRequestArgumentBinder<Person> {

    private final People people;

    public PersonArgumentBinder(People people) {
        this.people = people;
    }

    @Override
    public Argument<Person> argumentType() {
        return Argument.of(Person.class);
    }

    @Override
    public BindingResult<Person> bind(ArgumentConversionContext<Person> context, HttpRequest<?> source) {
        Optional<Person> person = people.signedIn(source);
        if (person.isEmpty()) {
            throw new SignInRequired();
        }
        return () -> person;
    }
}
