package dev.switchboard.platform.node;

/** How a script sees its items: once with all of them, or once per item. */
public enum ScriptMode {
    RUN_ONCE_FOR_ALL_ITEMS, RUN_ONCE_FOR_EACH_ITEM
}
