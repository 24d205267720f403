package org.teleportj1.sandbox;

import io.grpc.stub.StreamObserver;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.machineid.v1.BotInstanceServiceGrpc;
import org.teleportj1.proto.machineid.v1.ListBotInstancesRequest;
import org.teleportj1.proto.machineid.v1.ListBotInstancesResponse;
import org.teleportj1.proto.machineid.v1.ListBotInstancesV2Request;

/**
 * {@code teleport.machineid.v1.BotInstanceService}: ListBotInstancesV2 and the deprecated
 * ListBotInstances, both paged over {@code <bot>/<instance id>} keys.
 */
final class SandboxBotInstanceService extends BotInstanceServiceGrpc.BotInstanceServiceImplBase {
    private final SandboxData data;
    private final FaultInjector faults;

    SandboxBotInstanceService(SandboxData data, FaultInjector faults) {
        this.data = data;
        this.faults = faults;
    }

    @Override
    public void listBotInstancesV2(ListBotInstancesV2Request request,
                                   StreamObserver<ListBotInstancesResponse> observer) {
        Responses.unary(observer, () -> page("", request.getPageSize(), request.getPageToken()));
    }

    @Override
    public void listBotInstances(ListBotInstancesRequest request, StreamObserver<ListBotInstancesResponse> observer) {
        String prefix = request.getFilterBotName().isEmpty() ? "" : request.getFilterBotName() + "/";
        Responses.unary(observer, () -> page(prefix, request.getPageSize(), request.getPageToken()));
    }

    private ListBotInstancesResponse page(String prefix, int requested, String token) {
        int size = PageLimits.clamp(requested, PageLimits.BOT_INSTANCES_MAX);
        faults.checkPageSize(size);
        Page<BotInstance> page = data.botInstances.page(prefix, token.isEmpty() ? null : token, true, size);
        return ListBotInstancesResponse.newBuilder().addAllBotInstances(page.items())
                .setNextPageToken(page.hasMore() ? page.nextKey() : "").build();
    }
}
