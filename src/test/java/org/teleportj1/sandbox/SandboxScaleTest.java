package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.types.UserV2;

/** A cluster at a fifth of the benchmark's size pages completely. No timing assertions. */
class SandboxScaleTest {
    @Test
    void twentyThousandUsersPageCompletely(@TempDir Path dir) throws Exception {
        try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withUsers(20_000))) {
            SandboxData data = cluster.data();
            assertEquals(20_000, data.userCount());
            assertEquals(400, data.roleCount());
            assertEquals(1_000, data.accessListCount());
            assertEquals(60_000, data.memberCount());
            assertEquals(4_000, data.reviewCount());
            ManagedChannel channel = MutualTlsChannel.open(cluster);
            try {
                SandboxReader reader = new SandboxReader(channel);
                Set<String> names = new HashSet<>();
                for (UserV2 user : reader.allUsers(1000)) {
                    names.add(user.getMetadata().getName());
                }
                assertEquals(20_000, names.size());
                assertEquals(20, reader.pageSizes.size());
                assertEquals(60_000, reader.allMembers(200).size());
                assertEquals(20_000, reader.streamedUsers().size());
            } finally {
                MutualTlsChannel.close(channel);
            }
        }
    }
}
