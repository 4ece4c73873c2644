package dev.switchboard.platform.node;

/** The kinds of parameter a node can declare; the editor draws one kind of field for each. */
public enum ParameterType {
    STRING, NUMBER, BOOLEAN, OPTIONS, MULTI_OPTIONS, COLLECTION, FIXED_COLLECTION, JSON, CODE, DATE_TIME, CREDENTIAL, NOTICE
}
