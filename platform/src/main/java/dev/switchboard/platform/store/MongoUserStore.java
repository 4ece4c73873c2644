package dev.switchboard.platform.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.user.Passwords;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserException;
import dev.switchboard.platform.user.UserStore;
import dev.switchboard.platform.user.UserUpdate;

/**
 * Users in the {@code users} collection: {@code _id}, {@code username} (lower case, unique index),
 * {@code name}, {@code roles} (ids), {@code passwordHash}, {@code disabled}, {@code createdAt},
 * {@code updatedAt}. The rule that an enabled admin remains is checked before each change that could
 * break it (two admins removing each other at the same instant could both pass: a small window that
 * an admin's own sign-in with the API key repairs).
 */
public final class MongoUserStore implements UserStore {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final MongoCollection<Document> users;
    private final Passwords passwords;
    private final Clock clock;

    public MongoUserStore(MongoConnection connection, Passwords passwords, Clock clock) {
        this.users = connection.database().getCollection("users");
        this.passwords = passwords;
        this.clock = clock;
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
    }

    @Override
    public User create(String username, String name, Set<Role> roles, String password) {
        String login = username(username);
        Set<Role> checked = roles(roles);
        String hash = passwords.hash(Passwords.check(password));
        var now = Documents.date(clock.instant());
        Document doc = new Document("_id", UUID.randomUUID().toString()).append("username", login)
                .append("name", name == null || name.isBlank() ? login : name.strip())
                .append("roles", checked.stream().map(Role::id).toList()).append("passwordHash", hash)
                .append("disabled", false).append("createdAt", now).append("updatedAt", now);
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UserException.UsernameTaken("the user name \"" + login + "\" is taken");
            }
            throw e;
        }
        return read(doc);
    }

    @Override
    public Optional<User> get(String id) {
        return Optional.ofNullable(users.find(eq("_id", id)).first()).map(MongoUserStore::read);
    }

    @Override
    public Page<User> list(String search, Page.Request request) {
        Bson filter = Filters.empty();
        if (search != null && !search.isBlank()) {
            String quoted = Pattern.quote(search.strip());
            filter = or(regex("username", quoted, "i"), regex("name", quoted, "i"));
        }
        long total = users.countDocuments(filter);
        List<User> items = new ArrayList<>();
        users.find(filter).sort(Sorts.ascending("username")).skip(request.skip()).limit(request.size())
                .forEach(d -> items.add(read(d)));
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Override
    public User update(String id, UserUpdate update) {
        Document current = require(id);
        User before = read(current);
        List<Bson> changes = new ArrayList<>();
        if (update.name() != null) {
            if (update.name().isBlank()) {
                throw new UserException.Invalid("\"name\" must not be empty");
            }
            changes.add(Updates.set("name", update.name().strip()));
        }
        Set<Role> roles = update.roles() == null ? before.roles() : roles(update.roles());
        boolean disabled = update.disabled() == null ? before.disabled() : update.disabled();
        if (update.roles() != null) {
            changes.add(Updates.set("roles", roles.stream().map(Role::id).toList()));
        }
        if (update.disabled() != null) {
            changes.add(Updates.set("disabled", disabled));
        }
        if (update.password() != null) {
            changes.add(Updates.set("passwordHash", passwords.hash(Passwords.check(update.password()))));
        }
        boolean staysAdmin = roles.contains(Role.ADMIN) && !disabled;
        if (isActiveAdmin(before) && !staysAdmin) {
            requireAnotherAdmin(before, "take the admin role from or disable");
        }
        if (changes.isEmpty()) {
            return before;
        }
        changes.add(Updates.set("updatedAt", Documents.date(clock.instant())));
        users.updateOne(eq("_id", id), Updates.combine(changes));
        return read(require(id));
    }

    @Override
    public void delete(String id) {
        User user = read(require(id));
        if (isActiveAdmin(user)) {
            requireAnotherAdmin(user, "delete");
        }
        users.deleteOne(eq("_id", id));
    }

    @Override
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Document doc = users.find(eq("username", username.strip().toLowerCase(Locale.ROOT))).first();
        if (doc == null || Boolean.TRUE.equals(doc.getBoolean("disabled"))
                || !passwords.matches(password, doc.getString("passwordHash"))) {
            return Optional.empty();
        }
        return Optional.of(read(doc));
    }

    @Override
    public long count() {
        return users.countDocuments();
    }

    private static boolean isActiveAdmin(User user) {
        return user.roles().contains(Role.ADMIN) && !user.disabled();
    }

    private void requireAnotherAdmin(User user, String action) {
        long others = users.countDocuments(and(eq("roles", Role.ADMIN.id()), ne("disabled", true), ne("_id", user.id())));
        if (others == 0) {
            throw new UserException.LastAdmin("cannot " + action + " \"" + user.username()
                    + "\": it is the last enabled admin, and nobody could manage users after it");
        }
    }

    private Document require(String id) {
        Document doc = users.find(eq("_id", id)).first();
        if (doc == null) {
            throw new UserException.NotFound("no user with id \"" + id + "\"");
        }
        return doc;
    }

    private static String username(String username) {
        if (username == null || username.isBlank()) {
            throw new UserException.Invalid("\"username\" is required");
        }
        String login = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(login).matches()) {
            throw new UserException.Invalid("\"username\" must be 2 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit, not \"" + username + "\"");
        }
        return login;
    }

    private static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new UserException.Invalid("\"roles\" must name at least one role");
        }
        return EnumSet.copyOf(roles);
    }

    private static User read(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : d.getList("roles", Object.class, List.of())) {
            roles.add(Role.of(String.valueOf(r)));
        }
        return new User(d.getString("_id"), d.getString("username"), d.getString("name"), roles,
                Boolean.TRUE.equals(d.getBoolean("disabled")), Documents.instant(d, "createdAt"),
                Documents.instant(d, "updatedAt"));
    }
}
