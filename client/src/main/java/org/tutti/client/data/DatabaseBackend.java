package org.tutti.client.data;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tutti.client.service.AccountService;
import org.tutti.client.service.AuthService;
import org.tutti.client.mail.DemoRelay;
import org.tutti.client.service.Backend;
import org.tutti.client.service.DemoMailboxService;
import org.tutti.client.service.FamilyFileService;
import org.tutti.client.service.PedagogyService;
import org.tutti.client.service.ReenrolmentService;
import org.tutti.client.service.StaffReenrolmentService;
import org.tutti.client.service.BillingService;
import org.tutti.client.service.FamilySearchService;
import org.tutti.client.service.StaffBillingService;
import org.tutti.client.service.FamilyRecordsService;
import org.tutti.client.service.FamilyAccountsService;
import org.tutti.client.service.StaffPedagogyService;
import org.tutti.client.service.HomeService;
import org.tutti.client.service.SiteService;
import org.tutti.client.service.StaffChangesService;

/** The services over one open {@link Database}. */
final class DatabaseBackend implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackend.class);

    private final Database database;
    private final AutoCloseable onClose;
    private final boolean embeddedDemo;
    private final String unverifiedServer;
    private final SiteService sites;
    private final AuthService auth;
    private final HomeService home;
    private final AccountService accounts;
    private final StaffChangesService staffChanges;
    private final FamilyFileService familyFile;
    private final PedagogyService pedagogy;
    private final ReenrolmentService reenrolment;
    private final StaffReenrolmentService staffReenrolments;
    private final BillingService billing;
    private final StaffBillingService staffBilling;
    private final FamilySearchService familySearch;
    private final FamilyRecordsService familyRecords;
    private final FamilyAccountsService familyAccounts;
    private final StaffPedagogyService staffPedagogy;
    private final SqlDeskServices desk;
    private boolean closed;
    private DemoRelay demoRelay;

    /**
     * @param onClose released after the database is closed (the embedded demo's folder lock)
     */
    DatabaseBackend(Database database, boolean embeddedDemo, AutoCloseable onClose) {
        this(database, embeddedDemo, onClose, null);
    }

    /**
     * @param onClose          released after the database is closed (the embedded demo's folder lock)
     * @param unverifiedServer the server reached without certificate verification because the
     *                         configuration allows it; null when the connection is verified or local
     */
    DatabaseBackend(Database database, boolean embeddedDemo, AutoCloseable onClose, String unverifiedServer) {
        this.database = database;
        this.embeddedDemo = embeddedDemo;
        this.onClose = onClose;
        this.unverifiedServer = unverifiedServer;
        Transactions transactions = database.transactions();
        this.sites = new HibernateSiteService(transactions);
        this.auth = new HibernateAuthService(transactions);
        this.home = new HibernateHomeService(transactions);
        this.accounts = new HibernateAccountService(transactions);
        this.staffChanges = new HibernateStaffChangesService(transactions);
        this.familyFile = new HibernateFamilyFileService(transactions);
        this.pedagogy = new HibernatePedagogyService(transactions);
        this.reenrolment = new HibernateReenrolmentService(transactions);
        this.staffReenrolments = new HibernateStaffReenrolmentService(transactions);
        this.billing = new SqlBillingService(transactions);
        this.staffBilling = new SqlStaffBillingService(transactions);
        this.familySearch = new SqlFamilySearchService(transactions);
        this.familyRecords = new SqlFamilyRecordsService(transactions);
        this.familyAccounts = new SqlFamilyAccountsService(transactions);
        this.staffPedagogy = new SqlStaffPedagogyService(transactions);
        this.desk = new SqlDeskServices(transactions);
    }

    @Override
    public boolean isEmbeddedDemo() {
        return embeddedDemo;
    }

    @Override
    public Optional<String> unverifiedServer() {
        return Optional.ofNullable(unverifiedServer);
    }

    @Override
    public ReenrolmentService reenrolment() {
        return reenrolment;
    }

    @Override
    public StaffReenrolmentService staffReenrolments() {
        return staffReenrolments;
    }

    @Override
    public BillingService billing() {
        return billing;
    }

    @Override
    public StaffBillingService staffBilling() {
        return staffBilling;
    }

    @Override
    public FamilySearchService familySearch() {
        return familySearch;
    }

    @Override
    public FamilyRecordsService familyRecords() {
        return familyRecords;
    }

    @Override
    public FamilyAccountsService familyAccounts() {
        return familyAccounts;
    }

    @Override
    public StaffPedagogyService staffPedagogy() {
        return staffPedagogy;
    }

    @Override
    public org.tutti.client.service.SiteSettingsService siteSettings() {
        return desk;
    }

    @Override
    public org.tutti.client.service.DeskHomeService deskHome() {
        return desk;
    }

    @Override
    public SiteService sites() {
        return sites;
    }

    @Override
    public AuthService auth() {
        return auth;
    }

    @Override
    public HomeService home() {
        return home;
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public FamilyFileService familyFile() {
        return familyFile;
    }

    @Override
    public PedagogyService pedagogy() {
        return pedagogy;
    }

    @Override
    public StaffChangesService staffChanges() {
        return staffChanges;
    }

    @Override
    public synchronized Optional<DemoMailboxService> demoMailbox() {
        return demoRelay == null ? Optional.empty() : Optional.of(demoRelay.mailbox());
    }

    /**
     * Starts the embedded demo's in-process mail relay over the H2 database at {@code url},
     * delivering to {@code <dataFolder>/mailbox/}; stopped by {@link #close()}.
     */
    synchronized void startDemoRelay(Path dataFolder, String url, String user, String password) {
        if (closed || demoRelay != null) {
            return;
        }
        demoRelay = DemoRelay.start(dataFolder, () -> DriverManager.getConnection(url, user, password));
    }

    /** Stops the demo relay, closes Hibernate and the pool, then releases the demo folder. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (demoRelay != null) {
                demoRelay.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not stop the demo mail relay: {}", e.toString());
        }
        try {
            database.close();
        } finally {
            try {
                onClose.close();
            } catch (Exception e) {
                LOG.warn("Could not release the database folder: {}", e.toString());
            }
        }
        LOG.info("Database closed");
    }
}
