package dev.switchboard.platform.incident;

import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/** Where incidents live; each change is one write to one incident. */
public interface IncidentStore {

    /** Opens an incident; false (nothing written) when one with its id exists. */
    boolean open(Incident incident);

    Optional<Incident> get(String id);

    /** Incidents newest first, with the status (null: any) and the owner (null: anyone). */
    Page<Incident> list(IncidentStatus status, String owner, Page.Request request);

    /**
     * Changes status, root cause and resolution (a null keeps the value); resolving records {@code by} and now,
     * reopening clears them.
     */
    Incident update(String id, IncidentStatus status, String rootCause, String resolution, String by);
}
