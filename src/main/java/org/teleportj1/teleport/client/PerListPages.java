package org.teleportj1.teleport.client;

import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.proto.accesslist.v1.AccessList;

/**
 * Children of every access list, one list at a time: the fallback for servers without
 * ListAll*. A list deleted between listing it and reading its children (NOT_FOUND) is skipped.
 */
final class PerListPages<T> implements Iterator<List<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(PerListPages.class);

    private final Iterator<List<AccessList>> lists;
    private final Function<String, Iterator<List<T>>> childrenOf;
    private final String what;
    private final Deque<String> pendingNames = new ArrayDeque<>();
    private Iterator<List<T>> children;
    private String currentList;

    PerListPages(Iterator<List<AccessList>> lists, Function<String, Iterator<List<T>>> childrenOf, String what) {
        this.lists = lists;
        this.childrenOf = childrenOf;
        this.what = what;
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (children != null) {
                try {
                    if (children.hasNext()) {
                        return true;
                    }
                } catch (RpcFailure e) {
                    if (e.code() != Status.Code.NOT_FOUND) {
                        throw e;
                    }
                    LOG.info("Access list {} disappeared while reading its {}; skipping it", currentList, what);
                }
                children = null;
            } else if (!pendingNames.isEmpty()) {
                currentList = pendingNames.poll();
                children = childrenOf.apply(currentList);
            } else if (lists.hasNext()) {
                lists.next().forEach(list -> pendingNames.add(list.getHeader().getMetadata().getName()));
            } else {
                return false;
            }
        }
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return children.next();
    }
}
