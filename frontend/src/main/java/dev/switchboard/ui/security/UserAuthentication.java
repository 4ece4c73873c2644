package dev.switchboard.ui.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserStore;

/**
 * Signs people in against the platform's users: a disabled user or a wrong password is refused with
 * the same message, and both go to the audit log. Each role becomes the authority {@code ROLE_<ROLE>}, and an admin holds every role.
 */
public final class UserAuthentication implements AuthenticationProvider {

    private final UserStore users;
    private final dev.switchboard.platform.governance.AuditLog audit;

    public UserAuthentication(UserStore users, dev.switchboard.platform.governance.AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** Signs in, and logs the sign-in or the refusal (never the password) in the audit log. */
    @Override
    public Authentication authenticate(Authentication request) {
        String password = request.getCredentials() == null ? null : request.getCredentials().toString();
        String name = request.getName() == null ? "" : request.getName();
        User user = users.authenticate(name, password).orElse(null);
        if (user == null) {
            audit.record(name, "sign-in refused", "user:" + name, "wrong user name or password, or a disabled user",
                    java.util.Map.of());
            throw new BadCredentialsException("wrong user name or password");
        }
        audit.record(user.username(), "signed in", "user:" + user.id(), user.username() + " signed in", java.util.Map.of());
        return signedIn(user);
    }

    /** The authentication of a signed-in user (also used by tests to sign someone in). */
    public static UsernamePasswordAuthenticationToken signedIn(User user) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(Role.values()).filter(user::has)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
