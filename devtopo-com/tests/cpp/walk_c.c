/* A C client: the header's C vtable structs (lpVtbl), as C code uses devicetopology.h with
   CINTERFACE. Prints, for each device of a topology file, its ID and counts, and for each
   connector its local ID and whether it is connected. */
#include "devtopo_com.h"

#include <stdio.h>

static void print_utf16(const WCHAR *s) {
    /* IDs are ASCII in the bundled topologies; anything else prints as '?'. */
    for (; s && *s; s++) putchar(*s < 0x80 ? (char)*s : '?');
}

int main(int argc, char **argv) {
    DevtopoSystem *system = NULL;
    if (argc != 2 || FAILED(devtopo_load_file(argv[1], &system))) return 2;
    UINT n = devtopo_device_count(system);
    for (UINT i = 0; i < n; i++) {
        LPWSTR wid = NULL;
        char id[512];
        if (FAILED(devtopo_device_id(system, i, &wid))) return 3;
        size_t k = 0;
        for (const WCHAR *p = wid; *p && k + 1 < sizeof id; p++) id[k++] = (char)*p;
        id[k] = 0;
        CoTaskMemFree(wid);
        IDeviceTopology *topology = NULL;
        if (FAILED(devtopo_device_topology(system, id, &topology))) return 4;
        UINT connectors = 0, subunits = 0;
        topology->lpVtbl->GetConnectorCount(topology, &connectors);
        topology->lpVtbl->GetSubunitCount(topology, &subunits);
        printf("%s %u %u\n", id, connectors, subunits);
        for (UINT c = 0; c < connectors; c++) {
            IConnector *connector = NULL;
            IPart *part = NULL;
            UINT local = 0;
            BOOL connected = FALSE;
            LPWSTR name = NULL;
            if (FAILED(topology->lpVtbl->GetConnector(topology, c, &connector))) return 5;
            if (FAILED(connector->lpVtbl->QueryInterface(connector, &IID_IPart, (void **)&part)))
                return 6;
            part->lpVtbl->GetLocalId(part, &local);
            part->lpVtbl->GetName(part, &name);
            connector->lpVtbl->IsConnected(connector, &connected);
            printf("  0x%08x %d ", local, connected);
            print_utf16(name);
            printf("\n");
            CoTaskMemFree(name);
            part->lpVtbl->Release(part);
            connector->lpVtbl->Release(connector);
        }
        topology->lpVtbl->Release(topology);
    }
    devtopo_system_free(system);
    return 0;
}
