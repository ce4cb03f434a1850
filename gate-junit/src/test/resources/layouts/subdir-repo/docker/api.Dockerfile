# Multi-stage: the first stage "builds" the release file from a build arg.
FROM stagegate/busybox-base:1 AS build
ARG RELEASE=unset
RUN mkdir -p /out && echo "$RELEASE" > /out/release
FROM stagegate/busybox-base:1
LABEL org.opencontainers.image.vendor="stagegate fixtures"
COPY app/*.sh /app/
COPY --from=build /out/release /app/release
RUN chmod +x /app/*.sh
