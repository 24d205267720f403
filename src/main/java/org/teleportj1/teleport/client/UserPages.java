package org.teleportj1.teleport.client;

import java.util.List;
import org.teleportj1.proto.types.UserV2;

/**
 * ListUsers pages without the users older servers skip (docs/teleport-api.md §6). Teleport starts
 * a page at the first name at or after the token; a buggy cache hands out the first name it did
 * <em>not</em> return plus "0", which skips that user and every name sorting between it and
 * {@code <it>0} (e.g. {@code alice-ops}, {@code alice.old}). A token {@code <c>0} whose {@code c}
 * sorts after the page's last user is therefore replaced by {@code c} itself: the next page starts
 * right at the skipped names. On a fixed server no user sorts between {@code c} and the token, so
 * the replacement returns the same page.
 */
final class UserPages implements PagedListing.PageSource<UserV2> {
    private final PagedListing.PageSource<UserV2> source;
    private final ServerQuirks quirks;
    /** The server's token that was replaced, until the page fetched instead shows whether it skipped. */
    private String replaced;

    UserPages(PagedListing.PageSource<UserV2> source, ServerQuirks quirks) {
        this.source = source;
        this.quirks = quirks;
    }

    @Override
    public PagedListing.Page<UserV2> fetch(String token, int pageSize) {
        PagedListing.Page<UserV2> page = source.fetch(token, pageSize);
        List<UserV2> users = page.items();
        if (replaced != null && !users.isEmpty() && name(users.get(0)).compareTo(replaced) < 0) {
            quirks.detected(ListingQuirk.USERS_PAGE_TOKEN, "token '" + replaced + "' would have skipped '"
                    + name(users.get(0)) + "'");
        }
        replaced = null;
        String next = page.nextToken() == null ? "" : page.nextToken();
        if (next.length() < 2 || !next.endsWith("0")) {
            return page;
        }
        String candidate = next.substring(0, next.length() - 1);
        if (!users.isEmpty() && candidate.compareTo(name(users.get(users.size() - 1))) <= 0) {
            return page; // the token resumes after the page's last user: nothing skipped
        }
        replaced = next;
        return new PagedListing.Page<>(users, candidate);
    }

    private static String name(UserV2 user) {
        return user.getMetadata().getName();
    }
}
