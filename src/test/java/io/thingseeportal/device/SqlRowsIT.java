package io.thingseeportal.device;

import io.thingseeportal.TestPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same statements on PostgreSQL, whose driver passes the arrays and the inserted rows' keys its own way. */
class SqlRowsIT extends SqlRowsTest {

    private static final String DATABASE = TestPostgres.freshDatabase("portal_it_sql_rows");

    @Override
    DriverManagerDataSource database() {
        return new DriverManagerDataSource(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
