package org.edugraph.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every failed HTTP Basic sign-in (a wrong password, an unknown user) is
 * logged with the name tried and the client's address, so that an operator can see
 * guessing. The password or token itself is never logged.
 */
@Component
class FailedSignIns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FailedSignIns.class);

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown address";
        String name = String.valueOf(event.getAuthentication().getName());
        log.warn("Failed sign-in as '{}' from {}: {}", name.length() > 100 ? name.substring(0, 100) + "..." : name, address,
                event.getException().getClass().getSimpleName());
    }
}
