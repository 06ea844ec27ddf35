// C++ client of devtopo-com, written against the SDK's interfaces as declared by
// devtopo_com.h. Modes:
//   walk <topology file>      the devicetopology.exe-style walk (same text as tests/common/walk.rs)
//   notify <file> <device id> <connector local id>
//                             a C++ IControlChangeNotify receives a jack unplug made through the C ABI
//   enumerate <topology file> the same walk starting from IMMDeviceEnumerator (every endpoint in
//                             every state, then the adapters reached through connector 0)
//   mmnotify <file> <device id> <connector local id>
//                             a C++ IMMNotificationClient receives a jack unplug made through the C ABI
//   layout                    sizes, offsets and constants of the header, for comparison with Rust
// Every object is released and every string freed, so valgrind sees no leak.
#include "devtopo_com.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <set>
#include <vector>

static std::string utf8(const WCHAR *s) {
    std::string out;
    for (; s && *s; ++s) {
        uint32_t c = *s;
        if (c >= 0xD800 && c < 0xDC00 && s[1] >= 0xDC00 && s[1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[1] - 0xDC00);
            ++s;
        }
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// Takes a caller-owned string: converts and frees it (G2).
static std::string take(LPWSTR s) {
    std::string out = utf8(s);
    CoTaskMemFree(s);
    return out;
}

static std::string guid(const GUID &g) {
    char b[64];
    snprintf(b, sizeof b, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", g.Data1, g.Data2,
             g.Data3, g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3], g.Data4[4], g.Data4[5],
             g.Data4[6], g.Data4[7]);
    return b;
}

static unsigned bits(float f) {
    unsigned u;
    memcpy(&u, &f, 4);
    return u;
}

#define CHECK(call)                                                                    \
    do {                                                                               \
        HRESULT hr_ = (call);                                                          \
        if (FAILED(hr_)) {                                                             \
            fprintf(stderr, "%s:%d: %s failed: 0x%08X\n", __FILE__, __LINE__, #call,   \
                    (unsigned)hr_);                                                    \
            exit(3);                                                                   \
        }                                                                              \
    } while (0)

template <typename T> struct Ptr {
    T *p = nullptr;
    ~Ptr() {
        if (p) p->Release();
    }
    T **operator&() { return &p; }
    T *operator->() const { return p; }
    explicit operator bool() const { return p != nullptr; }
};

static void part_lines(IPart *part) {
    UINT id = 0;
    PartType type;
    LPWSTR name = nullptr, global = nullptr;
    GUID subtype;
    CHECK(part->GetLocalId(&id));
    CHECK(part->GetPartType(&type));
    CHECK(part->GetName(&name));
    CHECK(part->GetSubType(&subtype));
    CHECK(part->GetGlobalId(&global));
    printf("  part 0x%08x %s \"%s\" %s %s\n", id, type == Connector ? "Connector" : "Subunit",
           take(name).c_str(), guid(subtype).c_str(), take(global).c_str());
    UINT controls = 0;
    CHECK(part->GetControlInterfaceCount(&controls));
    for (UINT i = 0; i < controls; i++) {
        Ptr<IControlInterface> control;
        CHECK(part->GetControlInterface(i, &control));
        LPWSTR cname = nullptr;
        IID iid;
        CHECK(control->GetName(&cname));
        CHECK(control->GetIID(&iid));
        printf("    control \"%s\" %s\n", take(cname).c_str(), guid(iid).c_str());
    }
    Ptr<IConnector> connector;
    if (SUCCEEDED(part->QueryInterface(IID_PPV_ARGS(&connector)))) {
        ConnectorType ctype;
        DataFlow flow;
        BOOL connected;
        CHECK(connector->GetType(&ctype));
        CHECK(connector->GetDataFlow(&flow));
        CHECK(connector->IsConnected(&connected));
        printf("    connector type %d flow %d connected %d", (int)ctype, (int)flow, connected);
        Ptr<IConnector> peer;
        HRESULT hr = connector->GetConnectedTo(&peer);
        if (SUCCEEDED(hr)) {
            LPWSTR dev = nullptr, con = nullptr;
            CHECK(connector->GetDeviceIdConnectedTo(&dev));
            CHECK(connector->GetConnectorIdConnectedTo(&con));
            std::string d = take(dev), c = take(con);
            printf(" peer %s %s\n", d.c_str(), c.c_str());
        } else {
            printf(" peer 0x%08X\n", (unsigned)hr);
        }
    }
    Ptr<IKsJackDescription> jacks;
    if (SUCCEEDED(part->Activate(CLSCTX_ALL, IID_IKsJackDescription, (void **)&jacks))) {
        UINT n = 0;
        CHECK(jacks->GetJackCount(&n));
        for (UINT j = 0; j < n; j++) {
            KSJACK_DESCRIPTION d;
            CHECK(jacks->GetJackDescription(j, &d));
            printf("    jack %u color 0x%08x conn %d geo %d gen %d port %d connected %d map 0x%08x\n",
                   j, d.Color, (int)d.ConnectionType, (int)d.GeoLocation, (int)d.GenLocation,
                   (int)d.PortConnection, d.IsConnected, d.ChannelMapping);
        }
    }
    Ptr<IAudioVolumeLevel> volume;
    if (SUCCEEDED(part->Activate(CLSCTX_ALL, __uuidof(IAudioVolumeLevel), (void **)&volume))) {
        UINT n = 0;
        CHECK(volume->GetChannelCount(&n));
        for (UINT ch = 0; ch < n; ch++) {
            float level, min, max, step;
            CHECK(volume->GetLevelRange(ch, &min, &max, &step));
            CHECK(volume->GetLevel(ch, &level));
            printf("    volume %u 0x%08x [0x%08x 0x%08x 0x%08x]\n", ch, bits(level), bits(min),
                   bits(max), bits(step));
        }
    }
    Ptr<IAudioMute> mute;
    if (SUCCEEDED(part->Activate(CLSCTX_ALL, IID_IAudioMute, (void **)&mute))) {
        BOOL m;
        CHECK(mute->GetMute(&m));
        printf("    mute %d\n", m);
    }
    for (int dir = 0; dir < 2; dir++) {
        Ptr<IPartsList> list;
        HRESULT hr = dir == 0 ? part->EnumPartsIncoming(&list) : part->EnumPartsOutgoing(&list);
        const char *label = dir == 0 ? "in" : "out";
        if (FAILED(hr)) {
            printf("    %s 0x%08X\n", label, (unsigned)hr);
            continue;
        }
        printf("    %s", label);
        UINT n = 0;
        CHECK(list->GetCount(&n));
        for (UINT k = 0; k < n; k++) {
            Ptr<IPart> p;
            CHECK(list->GetPart(k, &p));
            UINT pid;
            CHECK(p->GetLocalId(&pid));
            printf(" 0x%08x", pid);
        }
        printf("\n");
    }
}

static void topology_lines(IDeviceTopology *topology) {
    UINT connectors = 0, subunits = 0;
    LPWSTR id = nullptr;
    CHECK(topology->GetConnectorCount(&connectors));
    CHECK(topology->GetSubunitCount(&subunits));
    CHECK(topology->GetDeviceId(&id));
    printf("topology %s connectors %u subunits %u\n", take(id).c_str(), connectors, subunits);
    for (UINT i = 0; i < connectors; i++) {
        Ptr<IConnector> c;
        Ptr<IPart> p;
        CHECK(topology->GetConnector(i, &c));
        CHECK(c->QueryInterface(IID_IPart, (void **)&p));
        part_lines(p.p);
    }
    for (UINT i = 0; i < subunits; i++) {
        Ptr<ISubunit> s;
        Ptr<IPart> p;
        CHECK(topology->GetSubunit(i, &s));
        CHECK(s->QueryInterface(IID_IPart, (void **)&p));
        part_lines(p.p);
    }
    if (connectors == 0) return;
    // devicetopology.exe: connector 0, across the connection, then the parts beyond it, with
    // E_NOTFOUND as the end of a path. An explicit stack, no recursion.
    Ptr<IConnector> c0, peer;
    CHECK(topology->GetConnector(0, &c0));
    if (FAILED(c0->GetConnectedTo(&peer))) return;
    DataFlow flow;
    CHECK(peer->GetDataFlow(&flow));
    IPart *start = nullptr;
    CHECK(peer->QueryInterface(IID_IPart, (void **)&start));
    UINT start_id;
    CHECK(start->GetLocalId(&start_id));
    printf("  path from 0x%08x:", start_id);
    std::vector<IPart *> stack{start};
    std::set<UINT> seen;
    while (!stack.empty()) {
        IPart *part = stack.back();
        stack.pop_back();
        UINT pid;
        CHECK(part->GetLocalId(&pid));
        if (seen.insert(pid).second) {
            printf(" 0x%08x", pid);
            IPartsList *list = nullptr;
            HRESULT hr = flow == In ? part->EnumPartsOutgoing(&list) : part->EnumPartsIncoming(&list);
            if (SUCCEEDED(hr)) {
                UINT n = 0;
                CHECK(list->GetCount(&n));
                for (UINT k = n; k-- > 0;) {
                    IPart *next = nullptr;
                    CHECK(list->GetPart(k, &next));
                    stack.push_back(next);
                }
                list->Release();
            } else if (hr != E_NOTFOUND) {
                CHECK(hr);
            } else if (list != nullptr) {
                fprintf(stderr, "G1: the out-pointer of a failed call is not NULL\n");
                exit(4);
            }
        }
        part->Release();
    }
    printf(" end\n");
}

static DevtopoSystem *load(const char *path) {
    DevtopoSystem *system = nullptr;
    if (FAILED(devtopo_load_file(path, &system))) {
        char text[512];
        devtopo_last_error(text, sizeof text);
        fprintf(stderr, "load failed: %s\n", text);
        exit(2);
    }
    return system;
}

static int walk(const char *path) {
    DevtopoSystem *system = load(path);
    UINT n = devtopo_device_count(system);
    for (UINT i = 0; i < n; i++) {
        LPWSTR wid = nullptr;
        CHECK(devtopo_device_id(system, i, &wid));
        std::string id = take(wid);
        Ptr<IDeviceTopology> topology;
        HRESULT hr = devtopo_device_topology(system, id.c_str(), &topology);
        if (FAILED(hr)) {
            printf("topology %s 0x%08X\n", id.c_str(), (unsigned)hr);
            continue;
        }
        topology_lines(topology.p);
    }
    // The objects outlive the handle: free the system first, then release (Ptr destructors).
    devtopo_system_free(system);
    return 0;
}

// A string property the way Chromium reads one: VT_LPWSTR, else empty; cleared (S37).
static std::string string_property(IPropertyStore *store, const PROPERTYKEY &key) {
    PROPVARIANT var;
    memset(&var, 0, sizeof var);
    CHECK(store->GetValue(key, &var));
    std::string out = var.vt == VT_LPWSTR ? utf8(var.pwszVal) : "";
    CHECK(PropVariantClear(&var));
    return out;
}

static std::vector<WCHAR> wide(const std::string &s) {
    std::vector<WCHAR> out;
    for (unsigned char c : s) {
        if (c >= 0x80) {
            fprintf(stderr, "non-ASCII device ID\n");
            exit(3);
        }
        out.push_back(WCHAR(c));
    }
    out.push_back(0);
    return out;
}

// The production code's shape: it receives an IMMDeviceEnumerator and walks from there.
static void enumerator_walk(IMMDeviceEnumerator *enumerator) {
    Ptr<IMMDeviceCollection> endpoints;
    CHECK(enumerator->EnumAudioEndpoints(eAll, DEVICE_STATEMASK_ALL, &endpoints));
    UINT n = 0;
    CHECK(endpoints->GetCount(&n));
    std::vector<std::string> adapters;
    for (UINT i = 0; i < n; i++) {
        Ptr<IMMDevice> device;
        CHECK(endpoints->Item(i, &device));
        LPWSTR wid = nullptr;
        CHECK(device->GetId(&wid));
        std::string id = take(wid);
        DWORD state = 0;
        CHECK(device->GetState(&state));
        Ptr<IMMEndpoint> endpoint;
        CHECK(device->QueryInterface(IID_PPV_ARGS(&endpoint)));
        EDataFlow flow;
        CHECK(endpoint->GetDataFlow(&flow));
        Ptr<IPropertyStore> store;
        CHECK(device->OpenPropertyStore(STGM_READ, &store));
        printf("endpoint %s state 0x%x flow %d name \"%s\"\n", id.c_str(), (unsigned)state,
               (int)flow, string_property(store.p, PKEY_Device_FriendlyName).c_str());
        Ptr<IDeviceTopology> topology;
        CHECK(device->Activate(IID_IDeviceTopology, CLSCTX_ALL, nullptr, (void **)&topology));
        topology_lines(topology.p);
        Ptr<IConnector> c0;
        LPWSTR peer = nullptr;
        if (SUCCEEDED(topology->GetConnector(0, &c0)) &&
            SUCCEEDED(c0->GetDeviceIdConnectedTo(&peer))) {
            std::string adapter = take(peer);
            bool seen = false;
            for (const std::string &a : adapters) seen |= a == adapter;
            if (!seen) adapters.push_back(adapter);
        }
    }
    for (const std::string &id : adapters) {
        Ptr<IMMDevice> device;
        CHECK(enumerator->GetDevice(wide(id).data(), &device));
        Ptr<IPropertyStore> store;
        CHECK(device->OpenPropertyStore(STGM_READ, &store));
        printf("adapter %s instance \"%s\"\n", id.c_str(),
               string_property(store.p, PKEY_Device_InstanceId).c_str());
        Ptr<IDeviceTopology> topology;
        CHECK(device->Activate(IID_IDeviceTopology, CLSCTX_ALL, nullptr, (void **)&topology));
        topology_lines(topology.p);
    }
}

static int enumerate(const char *path) {
    DevtopoSystem *system = load(path);
    Ptr<IMMDeviceEnumerator> enumerator;
    CHECK(devtopo_enumerator(system, &enumerator));
    devtopo_system_free(system);  // the enumerator keeps the simulation alive
    enumerator_walk(enumerator.p);
    return 0;
}

// An endpoint notification client, as C++ code implements it on Windows.
struct EndpointSink : public IMMNotificationClient {
    std::atomic<ULONG> refs{1};
    std::vector<std::string> events;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppv) override {
        if (!ppv) return E_POINTER;
        if (riid == IID_IUnknown || riid == IID_IMMNotificationClient) {
            *ppv = static_cast<IMMNotificationClient *>(this);
            AddRef();
            return S_OK;
        }
        *ppv = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
    ULONG STDMETHODCALLTYPE Release() override { return --refs; }  // lives on the stack
    HRESULT STDMETHODCALLTYPE OnDeviceStateChanged(LPCWSTR id, DWORD state) override {
        char b[16];
        snprintf(b, sizeof b, "0x%x", (unsigned)state);
        events.push_back("state " + utf8(id) + " " + b);
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE OnDeviceAdded(LPCWSTR id) override {
        events.push_back("added " + utf8(id));
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE OnDeviceRemoved(LPCWSTR id) override {
        events.push_back("removed " + utf8(id));
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE OnDefaultDeviceChanged(EDataFlow flow, ERole role,
                                                     LPCWSTR id) override {
        events.push_back("default " + std::to_string((int)flow) + " " +
                         std::to_string((int)role) + " " + (id ? utf8(id) : "NULL"));
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE OnPropertyValueChanged(LPCWSTR id, PROPERTYKEY key) override {
        events.push_back("property " + utf8(id) + " " + guid(key.fmtid) + " " +
                         std::to_string(key.pid));
        return S_OK;
    }
};

static int mmnotify(const char *path, const char *device, unsigned connector_id) {
    DevtopoSystem *system = load(path);
    Ptr<IMMDeviceEnumerator> enumerator;
    CHECK(devtopo_enumerator(system, &enumerator));
    EndpointSink sink;
    CHECK(enumerator->RegisterEndpointNotificationCallback(&sink));
    printf("registered refs %u\n", (unsigned)sink.refs.load());
    CHECK(devtopo_unplug_jack(system, device, connector_id, 0));
    for (const std::string &e : sink.events) printf("%s\n", e.c_str());
    CHECK(enumerator->UnregisterEndpointNotificationCallback(&sink));
    printf("unregistered refs %u\n", (unsigned)sink.refs.load());
    HRESULT again = enumerator->UnregisterEndpointNotificationCallback(&sink);
    HRESULT null_sink = enumerator->UnregisterEndpointNotificationCallback(nullptr);
    printf("second unregister 0x%08X null 0x%08X\n", (unsigned)again, (unsigned)null_sink);
    devtopo_system_free(system);
    return 0;
}

// A client sink, as C++ code implements it on Windows.
struct JackSink : public IControlChangeNotify {
    std::atomic<ULONG> refs{1};
    std::atomic<int> calls{0};
    DWORD last_pid = 0;
    GUID last_context{};
    bool had_context = false;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppv) override {
        if (!ppv) return E_POINTER;
        if (riid == IID_IUnknown || riid == IID_IControlChangeNotify) {
            *ppv = static_cast<IControlChangeNotify *>(this);
            AddRef();
            return S_OK;
        }
        *ppv = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
    ULONG STDMETHODCALLTYPE Release() override { return --refs; }  // lives on the stack
    HRESULT STDMETHODCALLTYPE OnNotify(DWORD pid, LPCGUID context) override {
        ++calls;
        last_pid = pid;
        had_context = context != nullptr;
        if (context) last_context = *context;
        return S_OK;
    }
};

static int notify(const char *path, const char *device, unsigned connector_id) {
    DevtopoSystem *system = load(path);
    Ptr<IDeviceTopology> topology;
    CHECK(devtopo_device_topology(system, device, &topology));
    Ptr<IPart> part;
    CHECK(topology->GetPartById(connector_id, &part));
    JackSink sink;
    CHECK(part->RegisterControlChangeCallback(IID_IKsJackDescription, &sink));
    printf("registered refs %u\n", (unsigned)sink.refs.load());
    CHECK(devtopo_unplug_jack(system, device, connector_id, 0));
    printf("unplug calls %d pid %u context %s data1 0x%08x\n", sink.calls.load(),
           (unsigned)sink.last_pid, sink.had_context ? "yes" : "no", sink.last_context.Data1);
    Ptr<IKsJackDescription> jacks;
    CHECK(part->Activate(CLSCTX_ALL, IID_IKsJackDescription, (void **)&jacks));
    KSJACK_DESCRIPTION d;
    CHECK(jacks->GetJackDescription(0, &d));
    printf("jack 0 connected %d\n", d.IsConnected);
    CHECK(devtopo_unplug_jack(system, device, connector_id, 0));  // no change: no call
    printf("second unplug calls %d\n", sink.calls.load());
    CHECK(devtopo_plug_jack(system, device, connector_id, 0));
    printf("plug calls %d\n", sink.calls.load());
    CHECK(part->UnregisterControlChangeCallback(&sink));
    printf("unregistered refs %u\n", (unsigned)sink.refs.load());
    HRESULT again = part->UnregisterControlChangeCallback(&sink);
    HRESULT null_sink = part->UnregisterControlChangeCallback(nullptr);
    printf("second unregister 0x%08X null 0x%08X\n", (unsigned)again, (unsigned)null_sink);
    HRESULT bad = devtopo_unplug_jack(system, device, connector_id, 99);
    char text[512];
    devtopo_last_error(text, sizeof text);
    printf("bad jack 0x%08X error \"%s\"\n", (unsigned)bad, text);
    devtopo_system_free(system);
    return 0;
}

#define LAYOUT(T) printf("sizeof %s %zu\n", #T, sizeof(T))
#define OFFSET(T, f) printf("offsetof %s.%s %zu\n", #T, #f, offsetof(T, f))
#define CONST(c) printf("const %s %lld\n", #c, (long long)(c))

static int layout() {
    LAYOUT(GUID);
    LAYOUT(PROPERTYKEY);
    LAYOUT(PROPVARIANT);
    LAYOUT(KSJACK_DESCRIPTION);
    LAYOUT(KSJACK_DESCRIPTION2);
    LAYOUT(KSDATAFORMAT);
    LAYOUT(KSIDENTIFIER);
    OFFSET(PROPVARIANT, pwszVal);
    OFFSET(KSJACK_DESCRIPTION, IsConnected);
    OFFSET(KSDATAFORMAT, Specifier);
    CONST(eRender); CONST(eCapture); CONST(eAll); CONST(eConsole); CONST(eMultimedia);
    CONST(eCommunications); CONST(Unknown_Connector); CONST(Physical_Internal);
    CONST(Physical_External); CONST(Software_IO); CONST(Software_Fixed); CONST(Network);
    CONST(In); CONST(Out); CONST(Connector); CONST(Subunit);
    CONST(DEVICE_STATE_ACTIVE); CONST(DEVICE_STATE_DISABLED); CONST(DEVICE_STATE_NOTPRESENT);
    CONST(DEVICE_STATE_UNPLUGGED); CONST(DEVICE_STATEMASK_ALL); CONST(CLSCTX_INPROC_SERVER);
    CONST(eConnTypeUnknown); CONST(eConnTypeCombination); CONST(eGeoLocRear);
    CONST(eGeoLocHDMI); CONST(eGeoLocReserved6); CONST(eGenLocPrimaryBox); CONST(eGenLocOther);
    CONST(ePortConnJack); CONST(ePortConnUnknown);
    CONST(JACKDESC2_PRESENCE_DETECT_CAPABILITY); CONST(JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY);
    printf("iid IDeviceTopology %s\n", guid(IID_IDeviceTopology).c_str());
    printf("iid ISubunit %s\n", guid(__uuidof(ISubunit)).c_str());
#define PKEY(k) printf("pkey %s %s %u\n", #k, guid(k.fmtid).c_str(), (unsigned)k.pid)
    PKEY(PKEY_Device_FriendlyName); PKEY(PKEY_Device_DeviceDesc);
    PKEY(PKEY_DeviceInterface_FriendlyName); PKEY(PKEY_Device_InstanceId);
    PKEY(PKEY_Device_ContainerId); PKEY(PKEY_AudioEndpoint_FormFactor);
    PKEY(PKEY_AudioEndpoint_ControlPanelPageProvider); PKEY(PKEY_AudioEndpoint_Association);
    PKEY(PKEY_AudioEndpoint_PhysicalSpeakers); PKEY(PKEY_AudioEndpoint_GUID);
    PKEY(PKEY_AudioEndpoint_Disable_SysFx); PKEY(PKEY_AudioEndpoint_FullRangeSpeakers);
    PKEY(PKEY_AudioEndpoint_Supports_EventDriven_Mode); PKEY(PKEY_AudioEndpoint_JackSubType);
    PKEY(PKEY_AudioEngine_DeviceFormat); PKEY(PKEY_AudioEngine_OEMFormat);
    PKEY(PKEY_AudioDevice_EnableEndpointByDefault);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "walk") == 0) return walk(argv[2]);
    if (argc == 5 && strcmp(argv[1], "notify") == 0)
        return notify(argv[2], argv[3], (unsigned)strtoul(argv[4], nullptr, 0));
    if (argc == 2 && strcmp(argv[1], "layout") == 0) return layout();
    if (argc == 3 && strcmp(argv[1], "enumerate") == 0) return enumerate(argv[2]);
    if (argc == 5 && strcmp(argv[1], "mmnotify") == 0)
        return mmnotify(argv[2], argv[3], (unsigned)strtoul(argv[4], nullptr, 0));
    fprintf(stderr, "usage: devtopo_test walk FILE | enumerate FILE | notify FILE DEVICE CONNECTOR |"
                    " mmnotify FILE DEVICE CONNECTOR | layout\n");
    return 2;
}
