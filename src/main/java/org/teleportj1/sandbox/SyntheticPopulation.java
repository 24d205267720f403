package org.teleportj1.sandbox;

import static org.teleportj1.sandbox.TeleportResources.ELIGIBLE;
import static org.teleportj1.sandbox.TeleportResources.KIND_LIST;
import static org.teleportj1.sandbox.TeleportResources.KIND_USER;
import static org.teleportj1.sandbox.TeleportResources.MISSING_REQUIREMENTS;
import static org.teleportj1.sandbox.TeleportResources.ORIGIN_LABEL;
import static org.teleportj1.sandbox.TeleportResources.labelValues;
import static org.teleportj1.sandbox.TeleportResources.trait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListGrants;
import org.teleportj1.proto.accesslist.v1.AccessListRequires;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.accesslist.v1.ReviewChanges;
import org.teleportj1.proto.types.AccessRequestConditions;
import org.teleportj1.proto.types.AccessReviewConditions;
import org.teleportj1.proto.types.ConnectorRef;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.ImpersonateConditions;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleOptions;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.types.UserStatusV2;
import org.teleportj1.proto.types.UserV2;

/**
 * Scales the demo cluster up to a {@link SandboxSize}. Every generated resource is a pure function
 * of its index and {@code now}: the tables keep only keys and a small supplier, and the protobuf is
 * rebuilt when a page is served. That keeps a 100k-user, 300k-membership cluster to tens of MB and
 * its start to about a second.
 */
final class SyntheticPopulation {
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "Support",
        "Legal", "People", "Security"};
    private static final String[] LOCATIONS = {"Berlin", "London", "New York", "San Francisco", "Toronto",
        "Singapore", "Sydney", "Paris", "Austin", "Dublin"};
    private static final int[] FREQUENCIES = {1, 3, 6, 12};
    private static final int[] DAYS_OF_MONTH = {1, 15, 31};
    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    private final Instant now;
    private final int users;
    private final int roles;
    private final String[] listNames;
    private final String[] seedUsers;
    private final int pool;

    private SyntheticPopulation(Instant now, int users, int roles, int lists, String[] seedUsers) {
        this.now = now;
        this.users = users;
        this.roles = roles;
        this.listNames = new String[lists];
        for (int g = 0; g < lists; g++) {
            listNames[g] = uuid("sandbox-access-list-" + g);
        }
        this.seedUsers = seedUsers;
        this.pool = users + seedUsers.length;
    }

    /** Adds generated resources to {@code data} (already seeded) until it reaches {@code size}. */
    static void grow(SandboxData data, SandboxSize size, Instant now) {
        String[] seedUsers = data.users().map(user -> user.getMetadata().getName()).toArray(String[]::new);
        SyntheticPopulation population = new SyntheticPopulation(now,
                Math.max(0, size.users() - data.userCount()),
                Math.max(0, size.roles() - data.roleCount()),
                Math.max(0, size.accessLists() - data.accessListCount()),
                seedUsers);
        population.plant(data, Math.max(0, size.memberships() - data.memberCount()),
                Math.max(0, size.reviews() - data.reviewCount()));
    }

    private void plant(SandboxData data, int memberships, int reviews) {
        for (int i = 1; i <= users; i++) {
            int index = i;
            data.putGeneratedUser(userName(i), () -> user(index));
        }
        for (int k = 0; k < roles; k++) {
            int index = k;
            data.putGeneratedRole(roleName(k), () -> role(index));
        }
        for (int g = 0; g < listNames.length; g++) {
            int index = g;
            data.putGeneratedAccessList(listNames[g], ownerList(g) == null ? List.of() : List.of(ownerList(g)),
                    () -> accessList(index));
        }
        if (listNames.length == 0 || pool == 0) {
            return;
        }
        int nested = 0;
        for (int g = 1; g < listNames.length && nested < memberships; g++) {
            // short chains (depth 3) of nested lists; a child always has a higher index, so no cycles
            if (g % 25 >= 1 && g % 25 <= 3) {
                data.putMember(nestedMember(listNames[g - 1], listNames[g], g));
                nested++;
            }
        }
        int direct = memberships - nested;
        int perList = direct / listNames.length;
        int remainder = direct % listNames.length;
        for (int g = 0; g < listNames.length; g++) {
            int count = Math.min(pool, perList + (g < remainder ? 1 : 0));
            for (int m = 0; m < count; m++) {
                int list = g;
                int slot = m;
                data.putGeneratedMember(listNames[g], memberName(g, m), () -> member(list, slot));
            }
        }
        for (int r = 0; r < reviews; r++) {
            int index = r;
            String name = uuid("sandbox-review-" + r);
            data.putGeneratedReview(listNames[r % listNames.length], name, () -> review(index, name));
        }
    }

    // ---------------------------------------------------------------- names

    static String userName(int i) {
        return "user-" + pad(i, 6) + "@example.com";
    }

    static String roleName(int k) {
        return "team-" + pad(k, 5) + (k % 2 == 0 ? "-dev" : "-ops");
    }

    /** The k-th user of all users, generated first, then the seed's. */
    private String poolUser(int k) {
        return k < users ? userName(k + 1) : seedUsers[k - users];
    }

    private String memberName(int g, int m) {
        // distinct within a list because m < pool
        return poolUser((int) (((long) g * 7 + m) % pool));
    }

    private String grantedRole(int g) {
        return roles == 0 ? "access" : roleName(g % roles);
    }

    private String ownerList(int g) {
        return g % 50 == 49 ? listNames[g - 1] : null;
    }

    // ---------------------------------------------------------------- resources

    private UserV2 user(int i) {
        String name = userName(i);
        Map<String, List<String>> traits = new LinkedHashMap<>();
        traits.put("logins", List.of("u" + pad(i, 6), "ubuntu"));
        traits.put("groups", List.of("team-" + (i % 400), "all-staff"));
        traits.put("kubernetes_groups", i % 2 == 0 ? List.of("developers") : List.of("developers", "viewers"));
        traits.put("department", List.of(DEPARTMENTS[i % DEPARTMENTS.length]));
        traits.put("location", List.of(LOCATIONS[i % LOCATIONS.length]));
        traits.put("employee_id", List.of("E" + pad(i, 7)));
        traits.put("manager", List.of(userName(Math.max(1, i / 10))));
        if (i % 3 == 0) {
            traits.put("db_users", List.of("u" + pad(i, 6), "readonly"));
        }
        if (i % 4 == 0) {
            traits.put("aws_role_arns", List.of("arn:aws:iam::123456789012:role/team-" + (i % 400)));
        }
        List<String> assigned = new ArrayList<>(List.of("access", grantedRole(i)));
        if (i % 500 == 0) {
            assigned.add("editor");
        }
        UserV2.Builder user = TeleportResources.user(name, assigned);
        user.getMetadataBuilder().setRevision(SandboxData.initialRevision("user", name));
        user.getSpecBuilder().setTraits(labelValues(traits));
        Instant created = now.minus(Duration.ofDays(i % 1500)).minusSeconds(i % 86_400);
        if (i % 10 == 0 || i % 10 == 5) {
            boolean saml = i % 10 == 0;
            String connector = saml ? "okta" : "github";
            String identity = saml ? name : "gh-u" + pad(i, 6);
            ExternalIdentity external = ExternalIdentity.newBuilder().setConnectorID(connector).setUsername(identity).build();
            if (saml) {
                user.getSpecBuilder().addSAMLIdentities(external);
                user.getMetadataBuilder().putLabels(ORIGIN_LABEL, "okta");
            } else {
                user.getSpecBuilder().addGithubIdentities(external);
            }
            user.getMetadataBuilder().setExpires(ProtoTime.of(now.plus(Duration.ofHours(1 + i % 12))));
            user.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder()
                    .setConnector(ConnectorRef.newBuilder().setType(saml ? "saml" : "github").setID(connector)
                            .setIdentity(identity))
                    .setTime(ProtoTime.of(created)));
            user.setStatus(UserStatusV2.newBuilder().setPasswordState(1).setMfaWeakestDevice(1));
        } else {
            user.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder().setTime(ProtoTime.of(created)));
            user.setStatus(UserStatusV2.newBuilder().setPasswordState(2).setMfaWeakestDevice(2 + i % 2));
        }
        if (i % 997 == 0) {
            user.getSpecBuilder().setStatus(LoginStatus.newBuilder().setIsLocked(true)
                    .setLockedMessage("user has exceeded maximum failed login attempts")
                    .setLockedTime(ProtoTime.of(now.minus(Duration.ofMinutes(5))))
                    .setLockExpires(ProtoTime.of(now.plus(Duration.ofMinutes(25)))));
        }
        if (i % 1009 == 0) {
            user.getSpecBuilder().setExpires(ProtoTime.of(now.minus(Duration.ofDays(1 + i % 30))));
        }
        return user.build();
    }

    private RoleV6 role(int k) {
        String name = roleName(k);
        String team = "team-" + pad(k, 5);
        RoleConditions.Builder allow = RoleConditions.newBuilder()
                .addLogins("{{internal.logins}}").addLogins(team.replace("-", ""))
                .setNodeLabels(labelValues(Map.of("team", List.of(team), "env", List.of("dev", "staging"))))
                .setAppLabels(labelValues(Map.of("team", List.of(team))))
                .addRules(Rule.newBuilder().addResources("session").addVerbs("list").addVerbs("read"));
        if (k % 2 == 0) {
            allow.setDatabaseLabels(labelValues(Map.of("team", List.of(team)))).addDatabaseUsers("{{internal.db_users}}");
        }
        if (k % 3 == 0) {
            allow.setKubernetesLabels(labelValues(Map.of("team", List.of(team)))).addKubeGroups("{{internal.kubernetes_groups}}");
        }
        if (k % 10 == 0) {
            allow.setRequest(AccessRequestConditions.newBuilder()
                    .addRoles(roleName((k + 1) % roles)).addRoles("^dev-.*$").addSearchAsRoles("access")
                    .setMaxDuration(8 * HOUR_NANOS));
        }
        if (k % 25 == 0) {
            allow.setReviewRequests(AccessReviewConditions.newBuilder().addRoles("team-*"));
        }
        if (k % 100 == 0) {
            allow.setImpersonate(ImpersonateConditions.newBuilder().addUsers("bot-*").addRoles(name));
        }
        RoleConditions.Builder deny = RoleConditions.newBuilder();
        if (k % 5 == 0) {
            deny.addLogins("root");
        }
        RoleV6.Builder role = TeleportResources.role(name);
        role.getMetadataBuilder().setDescription("Access for " + team).setRevision(SandboxData.initialRevision("role", name));
        role.getSpecBuilder()
                .setOptions(RoleOptions.newBuilder()
                        .setMaxSessionTTL((k % 3 + 1) * 4 * HOUR_NANOS)
                        .setRequireMFAType(k % 7 == 0 ? 1 : 0))
                .setAllow(allow).setDeny(deny);
        return role.build();
    }

    private AccessList accessList(int g) {
        List<String> owners = pool >= 2 ? List.of(poolUser(g * 13 % pool), poolUser((g * 13 + 1) % pool))
                : pool == 1 ? List.of(poolUser(0)) : List.of();
        AccessList.Builder list = TeleportResources.accessList(listNames[g], "Team " + g, owners,
                FREQUENCIES[g % FREQUENCIES.length], now.plus(Duration.ofDays(g % 120 - 10)));
        list.getHeaderBuilder().getMetadataBuilder().setRevision(SandboxData.initialRevision("access_list", listNames[g]));
        list.getSpecBuilder()
                .setDescription("Members of team " + g)
                .setGrants(AccessListGrants.newBuilder().addRoles(grantedRole(g)).addTraits(trait("team", "team-" + g)))
                .getAuditBuilder().getRecurrenceBuilder().setDayOfMonth(DAYS_OF_MONTH[g % DAYS_OF_MONTH.length]);
        String ownerList = ownerList(g);
        if (ownerList != null) {
            list.getSpecBuilder().addOwners(TeleportResources.owner(ownerList, KIND_LIST, ELIGIBLE));
        }
        if (g % 10 == 0) {
            list.getSpecBuilder().setOwnerGrants(AccessListGrants.newBuilder().addRoles("reviewer"));
        }
        if (g % 15 == 0) {
            list.getSpecBuilder().setMembershipRequires(AccessListRequires.newBuilder().addRoles("access"));
        }
        if (g % 30 == 0) {
            list.getSpecBuilder().setType("scim");
        }
        return list.build();
    }

    private Member nestedMember(String parent, String child, int g) {
        Member.Builder member = TeleportResources.member(parent, child, KIND_LIST,
                now.minus(Duration.ofDays(g % 300 + 1)), null);
        member.getSpecBuilder().setReason("sub-team").setAddedBy(poolUser(0));
        return member.build();
    }

    private Member member(int g, int m) {
        String list = listNames[g];
        String name = memberName(g, m);
        Instant expires = switch (m % 40) {
            case 7 -> now.minus(Duration.ofDays(m % 30 + 1));
            case 8 -> now.plus(Duration.ofDays(30));
            default -> null;
        };
        Member.Builder member = TeleportResources.member(list, name, KIND_USER,
                now.minus(Duration.ofDays((g + m) % 700 + 1)), expires);
        member.getHeaderBuilder().getMetadataBuilder()
                .setRevision(SandboxData.initialRevision("access_list_member", SandboxData.key(list, name)));
        member.getSpecBuilder()
                .setReason("member of team " + g)
                .setAddedBy(poolUser(g * 13 % pool))
                .setIneligibleStatus(m % 97 == 5 ? MISSING_REQUIREMENTS : ELIGIBLE);
        return member.build();
    }

    private Review review(int r, String name) {
        int g = r % listNames.length;
        int round = r / listNames.length;
        int months = FREQUENCIES[g % FREQUENCIES.length];
        Review.Builder review = TeleportResources.review(listNames[g], name, List.of(poolUser(g * 13 % pool)),
                now.minus(Duration.ofDays(30L * months * (round + 1) + g % 20)), "Review " + (round + 1) + " of team " + g);
        review.getHeaderBuilder().getMetadataBuilder().setRevision(SandboxData.initialRevision("access_list_review", name));
        ReviewChanges.Builder changes = ReviewChanges.newBuilder();
        if (r % 5 == 0) {
            changes.addRemovedMembers(poolUser((g * 7 + 1000 + r) % pool));
        }
        if (r % 11 == 0) {
            changes.setReviewFrequencyChanged(FREQUENCIES[(g + 1) % FREQUENCIES.length]);
        }
        if (r % 13 == 0) {
            changes.setMembershipRequirementsChanged(AccessListRequires.newBuilder().addRoles("access"));
        }
        review.getSpecBuilder().setChanges(changes);
        return review.build();
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
