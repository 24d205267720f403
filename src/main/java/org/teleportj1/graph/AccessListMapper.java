package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListAudit;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;
import org.teleportj1.proto.accesslist.v1.AccessListSpec;
import org.teleportj1.proto.accesslist.v1.AccessListStatus;
import org.teleportj1.proto.trait.v1.Trait;

/**
 * Access lists as {@code teleport_access_list} entities ({@code UserGroup}), with their grants
 * and user owners. Owner lists are linked later, when every list of the run is known.
 */
public final class AccessListMapper {
    static final int KIND_LIST = 2;
    private static final long DAY_MILLIS = 86_400_000L;

    private AccessListMapper() {
    }

    public static GraphFragment accessList(AccessList list, MappingContext context, Predicate<String> roleExists) {
        String name = list.getHeader().getMetadata().getName();
        String key = context.keys().accessList(name);
        AccessListSpec spec = list.getSpec();
        AccessListStatus status = list.getStatus();
        Long nextAuditOn = TeleportTime.millis(spec.getAudit().getNextAuditDate());
        long now = context.syncMillis();

        List<String> missingRoles = new ArrayList<>();
        for (String role : grantedRoles(list)) {
            if (!roleExists.test(role) && !missingRoles.contains(role)) {
                missingRoles.add(role);
            }
        }
        long eligibleOwners = spec.getOwnersList().stream()
                .filter(owner -> Eligibility.grants(owner.getIneligibleStatus())).count();

        GraphObject entity = context.entity(EntityType.ACCESS_LIST, key, name, title(list))
                .put("title", PropertyRules.orNull(spec.getTitle()))
                .put("description", PropertyRules.orNull(description(list)))
                .put("listType", spec.getType().isEmpty() ? "dynamic" : spec.getType())
                .put("origin", PropertyRules.orNull(list.getHeader().getMetadata().getLabelsMap()
                        .get(UserMapper.ORIGIN_LABEL)))
                .put("owners", spec.getOwnersList().stream().map(AccessListOwner::getName).toList())
                .put("ownerCount", spec.getOwnersCount())
                .put("eligibleOwnerCount", eligibleOwners)
                .putNonEmpty("grantsRoles", spec.getGrants().getRolesList())
                .putNonEmpty("grantsTraits", traits(spec.getGrants().getTraitsList()))
                .putNonEmpty("ownerGrantsRoles", spec.getOwnerGrants().getRolesList())
                .putNonEmpty("ownerGrantsTraits", traits(spec.getOwnerGrants().getTraitsList()))
                .putNonEmpty("membershipRequiresRoles", spec.getMembershipRequires().getRolesList())
                .putNonEmpty("membershipRequiresTraits", traits(spec.getMembershipRequires().getTraitsList()))
                .putNonEmpty("ownershipRequiresRoles", spec.getOwnershipRequires().getRolesList())
                .putNonEmpty("ownershipRequiresTraits", traits(spec.getOwnershipRequires().getTraitsList()))
                .putNonEmpty("missingRoles", missingRoles)
                .put("auditFrequencyMonths", ReviewFrequency.months(spec.getAudit().getRecurrence().getFrequency()))
                .put("auditDayOfMonth", dayOfMonth(spec.getAudit()))
                .put("nextAuditOn", nextAuditOn)
                .put("reviewOverdue", nextAuditOn == null ? null : nextAuditOn < now)
                .put("daysUntilReview", nextAuditOn == null ? null : Math.floorDiv(nextAuditOn - now, DAY_MILLIS))
                .put("memberCount", status.hasMemberCount() ? Integer.toUnsignedLong(status.getMemberCount()) : null)
                .put("nestedListCount", status.hasMemberListCount()
                        ? Integer.toUnsignedLong(status.getMemberListCount()) : null)
                .put("webLink", context.links().accessList(name));

        GraphFragment fragment = new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_ACCESS_LIST, key));
        grants(fragment, context, key, spec.getGrants().getRolesList(), "members", roleExists);
        grants(fragment, context, key, spec.getOwnerGrants().getRolesList(), "owners", roleExists);
        for (AccessListOwner owner : spec.getOwnersList()) {
            if (owner.getMembershipKind() != KIND_LIST) {
                fragment.relationship(context.relationship(RelationshipType.USER_OWNS_ACCESS_LIST,
                                context.keys().user(owner.getName()), key)
                        .put("ineligibleStatus", Eligibility.label(owner.getIneligibleStatus()))
                        .put("description", PropertyRules.orNull(owner.getDescription())));
            }
        }
        return fragment;
    }

    /** The edge from an access list to a list that owns it (whose members are owners). */
    public static GraphObject ownerList(MappingContext context, String ownerList, String ownedList,
                                        int ineligibleStatus) {
        return context.relationship(RelationshipType.ACCESS_LIST_OWNS_ACCESS_LIST,
                        context.keys().accessList(ownerList), context.keys().accessList(ownedList))
                .put("ineligibleStatus", Eligibility.label(ineligibleStatus));
    }

    /** The title, or the name for lists without one (the name is usually a UUID). */
    public static String title(AccessList list) {
        String title = list.getSpec().getTitle();
        return title.isBlank() ? list.getHeader().getMetadata().getName() : title;
    }

    private static List<String> grantedRoles(AccessList list) {
        List<String> roles = new ArrayList<>(list.getSpec().getGrants().getRolesList());
        roles.addAll(list.getSpec().getOwnerGrants().getRolesList());
        return roles;
    }

    private static void grants(GraphFragment fragment, MappingContext context, String listKey, List<String> roles,
                               String grantee, Predicate<String> roleExists) {
        for (String role : roles.stream().distinct().toList()) {
            if (roleExists.test(role)) {
                fragment.relationship(context.relationship(RelationshipType.ACCESS_LIST_ASSIGNED_ROLE, listKey,
                                context.keys().role(role), grantee)
                        .put("grantee", grantee));
            }
        }
    }

    private static String description(AccessList list) {
        String description = list.getSpec().getDescription();
        return description.isEmpty() ? list.getHeader().getMetadata().getDescription() : description;
    }

    /** Traits as {@code name=value} strings. */
    static List<String> traits(List<Trait> traits) {
        List<String> out = new ArrayList<>();
        for (Trait trait : traits) {
            for (String value : trait.getValuesList()) {
                out.add(trait.getKey() + "=" + value);
            }
        }
        return out;
    }

    private static Integer dayOfMonth(AccessListAudit audit) {
        int day = audit.getRecurrence().getDayOfMonth();
        return day == 1 || day == 15 || day == 31 ? day : null;
    }
}
