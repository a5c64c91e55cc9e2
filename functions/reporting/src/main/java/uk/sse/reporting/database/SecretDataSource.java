package uk.sse.reporting.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to the JDBC URL with the secret's credentials as last read. If the database refuses them for their
 * password or user (PostgreSQL's 28P01 and 28000), the secret is read again and the connection tried once more with
 * what it holds now: a rotated password costs one extra read, not an outage. Connections already open stay open
 * (PostgreSQL checks a password only when a connection starts).
 */
final class SecretDataSource implements DataSource {

    /** invalid_password and invalid_authorization_specification */
    static final Set<String> REFUSED = Set.of("28P01", "28000");

    private final String url;
    private final DatabaseCredentials secret;
    private volatile int loginTimeout;
    private volatile PrintWriter logWriter;

    SecretDataSource(String url, DatabaseCredentials secret) {
        this.url = url;
        this.secret = secret;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseCredentials.Current current = secret.current();
        try {
            return connect(current.credentials());
        } catch (SQLException refused) {
            if (!REFUSED.contains(refused.getSQLState())) {
                throw refused;
            }
            return connect(secret.reread(current.text()).credentials());
        }
    }

    private Connection connect(DatabaseSecret credentials) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.username());
        properties.setProperty("password", credentials.password());
        if (loginTimeout > 0) {
            properties.setProperty("loginTimeout", Integer.toString(loginTimeout)); // the pool's connection timeout
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are the secret's");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
