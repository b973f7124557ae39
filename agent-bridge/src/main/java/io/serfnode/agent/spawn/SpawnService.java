package io.serfnode.agent.spawn;

import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SerfTags;
import io.serfnode.model.command.SpawnMember;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Spawns members on behalf of this member: finds what they are made from (a template, or the configuration of a
 * member, fetched over the cluster when it is another), checks it before anything starts, names the new members
 * and hands them to the spawner of the runtime asked for. Owns its spawners: closing it stops every member it
 * spawned.
 */
public final class SpawnService implements AutoCloseable {
    /** The runtime used when a spawn names none. */
    public static final RuntimeKind DEFAULT_RUNTIME = RuntimeKind.PROCESS;

    private final String member;
    private final Supplier<List<Member>> members;
    private final Templates templates;
    private final Supplier<MemberConfiguration> own;
    private final ConfigFetcher fetcher;
    private final Map<RuntimeKind, MemberSpawner> spawners = new EnumMap<>(RuntimeKind.class);
    private final MemberNames names = new MemberNames();

    /**
     * @param member    this member's name
     * @param members   every member this member knows
     * @param templates this member's templates
     * @param own       this member's own configuration
     * @param fetcher   fetches another member's configuration
     * @param spawners  one spawner per runtime this member can spawn in
     */
    public SpawnService(String member, Supplier<List<Member>> members, Templates templates,
                        Supplier<MemberConfiguration> own, ConfigFetcher fetcher, List<MemberSpawner> spawners) {
        this.member = Objects.requireNonNull(member, "member");
        this.members = Objects.requireNonNull(members, "members");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.own = Objects.requireNonNull(own, "own");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        for (MemberSpawner spawner : spawners) {
            this.spawners.put(spawner.runtime(), spawner);
        }
    }

    public Templates templates() {
        return templates;
    }

    /**
     * Starts the members {@code command} asks for and reports on {@code callback} as {@link MemberSpawner#spawn}
     * does. Returns the plan (the new members' names among it) once every member is created or creating one
     * failed (then {@code callback.onError} was called).
     *
     * @throws SpawnException refused before anything started (unknown template or member, an invalid
     *                        configuration, a runtime not available), or failed fetching a member's configuration
     */
    public SpawnPlan spawn(SpawnMember command, SpawnCallback callback) throws SpawnException, InterruptedException {
        MemberSpawner spawner = spawnerFor(command.runtime());
        SpawnPlan plan = plan(command);
        spawner.spawn(plan, callback);
        return plan;
    }

    /** What {@code command} would start, checked, with fresh names; nothing is started. */
    public SpawnPlan plan(SpawnMember command) throws SpawnException, InterruptedException {
        Objects.requireNonNull(command, "command");
        MemberConfiguration configuration;
        List<String> roles;
        String source;
        if (command.template() != null) {
            source = "template '" + command.template() + "'";
            configuration = templates.read(command.template());
            roles = check(configuration, source).roles();
        } else {
            source = "member '" + command.likeMember() + "'";
            Member like = copied(command.likeMember());
            configuration = like.name().equals(member) ? own.get() : fetcher.fetch(like.name());
            check(configuration, "the configuration of " + source);
            roles = like.roles();
        }
        if (command.role() != null) {
            roles = SerfTags.parseRoles(command.role());
        }
        List<String> known = members.get().stream().map(Member::name).toList();
        List<String> picked = names.pick(roles.isEmpty() ? null : roles.getFirst(), command.count(), known);
        return new SpawnPlan(picked, roles, configuration, source);
    }

    private MemberSpawner spawnerFor(RuntimeKind runtime) throws SpawnException {
        RuntimeKind wanted = runtime == null ? DEFAULT_RUNTIME : runtime;
        MemberSpawner spawner = spawners.get(wanted);
        if (spawner != null) {
            return spawner;
        }
        throw SpawnException.refused("member '" + member + "' cannot spawn members with runtime '"
                + wanted.wireName() + "'; it can with " + spawners.keySet().stream().map(RuntimeKind::wireName)
                .toList());
    }

    /** The member to copy, which must be a Serfnode member that is alive. */
    private Member copied(String name) throws SpawnException {
        Optional<Member> found = members.get().stream().filter(known -> known.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            throw SpawnException.refused("no member named '" + name + "' to spawn members like");
        }
        Member like = found.get();
        if (like.status() != MemberStatus.ALIVE) {
            throw SpawnException.refused("member '" + name + "' is " + like.status().serfName()
                    + ", so its configuration cannot be fetched to spawn members like it");
        }
        if (!like.name().equals(member) && !like.tags().containsKey(SerfTags.PROTOCOL)) {
            throw SpawnException.refused("member '" + name + "' is a plain serf agent without a Serfnode agent, so it "
                    + "has no configuration to spawn members like it");
        }
        return like;
    }

    private static SerfnodeConfig check(MemberConfiguration configuration, String source) throws SpawnException {
        try {
            return configuration.read();
        } catch (ConfigException e) {
            throw SpawnException.refused(source + " is not a valid serfnode.yml: " + e.getMessage());
        }
    }

    /** The members the spawners started that still run. */
    public List<SpawnedMember> running() {
        return spawners.values().stream().flatMap(spawner -> spawner.running().stream()).toList();
    }

    /** Stops every member spawned here. */
    @Override
    public void close() {
        spawners.values().forEach(MemberSpawner::close);
    }
}
