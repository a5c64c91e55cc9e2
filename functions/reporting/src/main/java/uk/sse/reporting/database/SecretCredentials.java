package uk.sse.reporting.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In AWS the database's user and password are not in the function's configuration: the pool opens each connection
 * through {@link SecretDataSource}, with the {@link DatabaseCredentials} as last read, read again when the database
 * refuses them. Locally, and wherever the JDBC URL carries its own credentials, no secret is named and nothing is read.
 */
@Singleton
@Requires(property = "sse.reporting.db-secret-arn", pattern = ".+")
public class SecretCredentials implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(SecretCredentials.class);

    private final BeanProvider<DatabaseCredentials> credentials;

    public SecretCredentials(BeanProvider<DatabaseCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        DatabaseCredentials secret = credentials.get();
        DatabaseSecret first =
                secret.current().credentials(); // a secret that cannot be used stops the start, saying why
        loadDriver(datasource.getDriverClassName()); // the pool no longer loads it: it connects through our DataSource
        datasource.setUsername(null);
        datasource.setPassword(null);
        datasource.setDataSource(new SecretDataSource(datasource.getUrl(), secret));
        LOG.info(
                "datasource {} connects as {} (credentials from the secret {}, read again when refused)",
                datasource.getName(),
                first.username(),
                secret.secretArn());
        return datasource;
    }

    private static void loadDriver(String className) {
        if (className == null || className.isBlank()) {
            return; // DriverManager finds it through the jar's service registration
        }
        try {
            Class.forName(className); // registers itself with DriverManager
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the JDBC driver " + className + " is not on the classpath", e);
        }
    }
}
