package org.teleportj1.sandbox;

import io.grpc.stub.StreamObserver;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotServiceGrpc;
import org.teleportj1.proto.machineid.v1.ListBotsRequest;
import org.teleportj1.proto.machineid.v1.ListBotsResponse;

/** {@code teleport.machineid.v1.BotService}: paged ListBots; the token is the next bot's name. */
final class SandboxBotService extends BotServiceGrpc.BotServiceImplBase {
    private final SandboxData data;
    private final FaultInjector faults;

    SandboxBotService(SandboxData data, FaultInjector faults) {
        this.data = data;
        this.faults = faults;
    }

    @Override
    public void listBots(ListBotsRequest request, StreamObserver<ListBotsResponse> observer) {
        Responses.unary(observer, () -> {
            int size = PageLimits.clamp(request.getPageSize(), PageLimits.BOTS_MAX);
            faults.checkPageSize(size);
            String token = request.getPageToken();
            Page<Bot> page = data.bots.page("", token.isEmpty() ? null : token, true, size);
            return ListBotsResponse.newBuilder().addAllBots(page.items())
                    .setNextPageToken(page.hasMore() ? page.nextKey() : "").build();
        });
    }
}
