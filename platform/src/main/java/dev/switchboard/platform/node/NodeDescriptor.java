package dev.switchboard.platform.node;

import java.util.List;
import java.util.Set;

/**
 * What a node type says about itself; the palette, the node form, the validator and the docs are
 * all generated from it.
 *
 * @param type         our type id, {@code switchboard.<name>}
 * @param aliases      other type ids that load as this type (n8n's {@code n8n-nodes-base.<name>})
 * @param versions     the {@code typeVersion}s implemented
 * @param inputs       the inputs, in index order (empty for triggers)
 * @param outputs      the outputs, in index order, as drawn when parameters do not change them
 * @param credentials  credential types the node accepts (by name)
 * @param credentialTypes credential types the node declares (n8n's credential classes), each also accepted
 * @param riskTags     what the node may do to the outside world (money, pricing, legal, outbound, delete)
 * @param compensable  whether the node can undo what it did
 */
public record NodeDescriptor(
        String type,
        Set<String> aliases,
        String displayName,
        String description,
        NodeCategory category,
        List<Double> versions,
        List<Port> inputs,
        List<Port> outputs,
        List<ParameterSpec> parameters,
        List<String> credentials,
        List<CredentialType> credentialTypes,
        Set<String> riskTags,
        boolean compensable) {

    public NodeDescriptor {
        aliases = Set.copyOf(aliases);
        versions = List.copyOf(versions);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        credentialTypes = credentialTypes == null ? List.of() : List.copyOf(credentialTypes);
        riskTags = riskTags == null ? Set.of() : Set.copyOf(riskTags);
    }

    public boolean isTrigger() {
        return category == NodeCategory.TRIGGER;
    }

    public double latestVersion() {
        return versions.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    public boolean supportsVersion(double version) {
        return versions.contains(version);
    }

    /** A builder, since most node types set only a few of these. */
    public static Builder builder(String name, String displayName, NodeCategory category) {
        return new Builder(name, displayName, category);
    }

    /** Builds a descriptor; {@code name} is the short name shared with n8n ({@code set}, {@code if}). */
    public static final class Builder {
        private final String name;
        private final String displayName;
        private final NodeCategory category;
        private String description = "";
        private List<Double> versions = List.of(1.0);
        private List<Port> inputs = List.of(Port.main());
        private List<Port> outputs = List.of(Port.main());
        private List<ParameterSpec> parameters = List.of();
        private List<String> credentials = List.of();
        private List<CredentialType> credentialTypes = List.of();
        private Set<String> riskTags = Set.of();
        private boolean compensable;
        private boolean n8nAlias = true;
        private Set<String> extraAliases = Set.of();

        private Builder(String name, String displayName, NodeCategory category) {
            this.name = name;
            this.displayName = displayName;
            this.category = category;
            if (category == NodeCategory.TRIGGER) {
                inputs = List.of();
            }
            if (category == NodeCategory.CANVAS) {
                inputs = List.of();
                outputs = List.of();
            }
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder versions(Double... vs) {
            this.versions = List.of(vs);
            return this;
        }

        public Builder inputs(String... labels) {
            this.inputs = java.util.Arrays.stream(labels).map(Port::new).toList();
            return this;
        }

        public Builder outputs(String... labels) {
            this.outputs = java.util.Arrays.stream(labels).map(Port::new).toList();
            return this;
        }

        public Builder parameters(ParameterSpec... specs) {
            this.parameters = List.of(specs);
            return this;
        }

        /** The credential types the node accepts, by name (declared by this or another node). */
        public Builder credentials(String... types) {
            var all = new java.util.LinkedHashSet<>(credentials);
            all.addAll(List.of(types));
            this.credentials = List.copyOf(all);
            return this;
        }

        /** Declares credential types; the node accepts each of them. */
        public Builder credentialTypes(CredentialType... types) {
            this.credentialTypes = List.of(types);
            return credentials(java.util.Arrays.stream(types).map(CredentialType::name).toArray(String[]::new));
        }

        public Builder riskTags(String... tags) {
            this.riskTags = Set.of(tags);
            return this;
        }

        public Builder compensable() {
            this.compensable = true;
            return this;
        }

        /** The type has no n8n counterpart, so no {@code n8n-nodes-base.} alias. */
        public Builder noN8nAlias() {
            this.n8nAlias = false;
            return this;
        }

        public Builder alias(String... typeIds) {
            this.extraAliases = Set.of(typeIds);
            return this;
        }

        public NodeDescriptor build() {
            var aliases = new java.util.HashSet<>(extraAliases);
            if (n8nAlias) {
                aliases.add("n8n-nodes-base." + name);
            }
            return new NodeDescriptor("switchboard." + name, aliases, displayName, description, category, versions,
                    inputs, outputs, parameters, credentials, credentialTypes, riskTags, compensable);
        }
    }
}
