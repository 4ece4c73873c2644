package dev.switchboard.platform.governance;

/** Where the policy is kept (one for the whole installation). */
public interface PolicyStore {

    Policy get();

    void set(Policy policy);
}
