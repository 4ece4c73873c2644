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
 * the same message. Each role becomes the authority {@code ROLE_<ROLE>}, and an admin holds every role.
 */
public final class UserAuthentication implements AuthenticationProvider {

    private final UserStore users;

    public UserAuthentication(UserStore users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String password = request.getCredentials() == null ? null : request.getCredentials().toString();
        User user = users.authenticate(request.getName(), password)
                .orElseThrow(() -> new BadCredentialsException("wrong user name or password"));
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
