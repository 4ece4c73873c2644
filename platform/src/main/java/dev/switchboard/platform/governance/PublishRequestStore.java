package dev.switchboard.platform.governance;

import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/** Where publishes that wait for review are kept. */
public interface PublishRequestStore {

    PublishRequest create(PublishRequest request);

    Optional<PublishRequest> get(String id);

    /** Pending requests for this reviewer (null: every reviewer), newest first. */
    Page<PublishRequest> pending(String reviewer, Page.Request request);

    /** Decides a pending request in one conditional write; empty when it was not pending. */
    Optional<PublishRequest> decide(String id, String status, String by, String comment, Integer version);
}
