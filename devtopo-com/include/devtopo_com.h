/*
 * devtopo_com.h: devtopo's simulated Core Audio device layer for C and C++ tests.
 *
 * On Windows this header includes the SDK's <mmdeviceapi.h> and <devicetopology.h> and adds
 * only devtopo's C ABI (load a topology, simulated-hardware actions). Elsewhere it declares
 * what code written against those SDK headers uses, with the SDK's names and spellings
 * (ISubunit, IPart::GetTopologyObject), IIDs, constants, structs and vtable layouts:
 *
 *   - the interfaces as C++ abstract classes, or C vtable structs when compiled as C or with
 *     CINTERFACE (devtopo_com_interfaces.h, generated from Microsoft's metadata);
 *   - the IIDs as symbols of the devtopo-com library (IID_IPart, ...);
 *   - __uuidof(Interface) and IID_PPV_ARGS(&p) for C++ (type names only, as with MinGW);
 *   - CoTaskMemAlloc, CoTaskMemFree and PropVariantClear, defined by devtopo-com.
 *
 * WCHAR is a 16-bit UTF-16 code unit, as on Windows: char16_t in C++ and uint16_t (C11's
 * char16_t) in C. wchar_t is 32 bits on Linux and macOS, so write u"Speakers", not
 * L"Speakers", and do not pass LPWSTR to wcslen/wcscmp/wprintf: compare and print UTF-16
 * yourself (devtopo_com's tests show a 10-line UTF-16 to UTF-8 converter).
 *
 * Link with the devtopo-com library (libdevtopo_com.so / .a / .dylib).
 */
#ifndef DEVTOPO_COM_H
#define DEVTOPO_COM_H

#ifdef __cplusplus
#define DEVTOPO_EXTERN_C extern "C"
#else
#define DEVTOPO_EXTERN_C extern
#endif

#if defined(_WIN32)

#include <windows.h>
#include <mmdeviceapi.h>
#include <devicetopology.h>
/* What MinGW-w64's headers lack (the SDK has them). */
#ifndef ERROR_DEVICE_ALREADY_ATTACHED
#define ERROR_DEVICE_ALREADY_ATTACHED 548L
#endif
#ifndef E_NOTFOUND
#define E_NOTFOUND HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
#endif

#else /* not Windows */

#include <stddef.h>
#include <stdint.h>

#define STDMETHODCALLTYPE
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE

typedef int32_t HRESULT;
typedef uint32_t ULONG;
typedef int32_t LONG;
typedef uint32_t DWORD;
typedef unsigned int UINT;
typedef int INT;
typedef int BOOL;
typedef unsigned char BOOLEAN;
typedef uint8_t BYTE;
typedef unsigned char UCHAR;
typedef char CHAR;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef uint16_t WORD;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef size_t SIZE_T;
typedef ptrdiff_t SSIZE_T;
typedef float FLOAT;
typedef double DOUBLE;
typedef void *LPVOID;
#ifdef __cplusplus
typedef char16_t WCHAR;
#else
typedef uint16_t WCHAR;
#endif
typedef WCHAR *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR;
typedef char *LPSTR;

#ifndef TRUE
#define TRUE 1
#define FALSE 0
#endif

/* HRESULTs (winerror.h) */
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define HRESULT_FROM_WIN32(x) \
    ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) : ((HRESULT)(((x) & 0x0000FFFF) | (7 << 16) | 0x80000000)))
#define S_OK ((HRESULT)0)
#define S_FALSE ((HRESULT)1)
#define E_NOTIMPL ((HRESULT)0x80004001L)
#define E_NOINTERFACE ((HRESULT)0x80004002L)
#define E_POINTER ((HRESULT)0x80004003L)
#define E_FAIL ((HRESULT)0x80004005L)
#define E_UNEXPECTED ((HRESULT)0x8000FFFFL)
#define E_OUTOFMEMORY ((HRESULT)0x8007000EL)
#define E_INVALIDARG ((HRESULT)0x80070057L)
#define ERROR_PATH_NOT_FOUND 3L
#define ERROR_NOT_SUPPORTED 50L
#define ERROR_INSUFFICIENT_BUFFER 122L
#define ERROR_DEVICE_ALREADY_ATTACHED 548L
#define ERROR_NOT_FOUND 1168L
#define ERROR_FILE_READ_ONLY 6009L
#define E_NOTFOUND HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
#define AUDCLNT_E_WRONG_ENDPOINT_TYPE ((HRESULT)0x88890003L)
#define AUDCLNT_E_DEVICE_INVALIDATED ((HRESULT)0x88890004L)

/* GUIDs */
typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;
typedef const GUID *LPCGUID;
#ifdef __cplusplus
typedef const GUID &REFGUID;
typedef const IID &REFIID;
typedef const CLSID &REFCLSID;
#else
typedef const GUID *REFGUID;
typedef const IID *REFIID;
typedef const CLSID *REFCLSID;
#endif

static inline int IsEqualGUID(const GUID *a, const GUID *b) {
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (int i = 0; i < 16; i++)
        if (x[i] != y[i]) return 0;
    return 1;
}
#ifdef __cplusplus
inline bool operator==(const GUID &a, const GUID &b) { return IsEqualGUID(&a, &b) != 0; }
inline bool operator!=(const GUID &a, const GUID &b) { return !(a == b); }
#define IsEqualIID(a, b) ((a) == (b))
#else
#define IsEqualIID(a, b) IsEqualGUID((a), (b))
#endif

/* CLSCTX (wtypesbase.h) */
#define CLSCTX_INPROC_SERVER 0x1
#define CLSCTX_INPROC_HANDLER 0x2
#define CLSCTX_LOCAL_SERVER 0x4
#define CLSCTX_REMOTE_SERVER 0x10
#define CLSCTX_ALL (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)

/* STGM access modes of IMMDevice::OpenPropertyStore (objbase.h) */
#define STGM_READ 0x00000000L
#define STGM_WRITE 0x00000001L
#define STGM_READWRITE 0x00000002L

/* PROPERTYKEY and PROPVARIANT (propidl.h), with the Windows layout */
typedef struct _tagpropertykey {
    GUID fmtid;
    DWORD pid;
} PROPERTYKEY;
typedef unsigned short VARTYPE;
typedef short VARIANT_BOOL;
enum VARENUM {
    VT_EMPTY = 0, VT_NULL = 1, VT_I2 = 2, VT_I4 = 3, VT_R4 = 4, VT_R8 = 5, VT_BSTR = 8,
    VT_BOOL = 11, VT_UI1 = 17, VT_UI2 = 18, VT_UI4 = 19, VT_I8 = 20, VT_UI8 = 21, VT_INT = 22,
    VT_UINT = 23, VT_LPSTR = 30, VT_LPWSTR = 31, VT_BLOB = 65, VT_CLSID = 72,
    VT_VECTOR = 0x1000
};
typedef struct tagBLOB {
    ULONG cbSize;
    BYTE *pBlobData;
} BLOB;
typedef struct tagDEC {
    USHORT wReserved;
    BYTE scale;
    BYTE sign;
    ULONG Hi32;
    ULONGLONG Lo64;
} DECIMAL;
typedef struct tagPROPVARIANT {
    union {
        struct {
            VARTYPE vt;
            WORD wReserved1;
            WORD wReserved2;
            WORD wReserved3;
            union {
                CHAR cVal;
                UCHAR bVal;
                SHORT iVal;
                USHORT uiVal;
                LONG lVal;
                ULONG ulVal;
                INT intVal;
                UINT uintVal;
                LONGLONG hVal;
                ULONGLONG uhVal;
                FLOAT fltVal;
                DOUBLE dblVal;
                VARIANT_BOOL boolVal;
                GUID *puuid;
                BLOB blob;
                LPSTR pszVal;
                LPWSTR pwszVal;
                void *punkVal;
            };
        };
        DECIMAL decVal;
    };
} PROPVARIANT;
#ifdef __cplusplus
typedef const PROPERTYKEY &REFPROPERTYKEY;
typedef const PROPVARIANT &REFPROPVARIANT;
#else
typedef const PROPERTYKEY *REFPROPERTYKEY;
typedef const PROPVARIANT *REFPROPVARIANT;
#endif

/* Property keys (functiondiscoverykeys_devpkey.h, mmdeviceapi.h); defined by devtopo-com with
   devtopo's values. MinGW-w64 lacks PKEY_Device_InstanceId. */
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_Device_FriendlyName;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_Device_DeviceDesc;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_DeviceInterface_FriendlyName;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_Device_InstanceId;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_Device_ContainerId;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_FormFactor;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_ControlPanelPageProvider;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_Association;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_PhysicalSpeakers;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_GUID;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_Disable_SysFx;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_FullRangeSpeakers;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_Supports_EventDriven_Mode;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEndpoint_JackSubType;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEngine_DeviceFormat;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioEngine_OEMFormat;
DEVTOPO_EXTERN_C const PROPERTYKEY PKEY_AudioDevice_EnableEndpointByDefault;

/* mmdeviceapi.h */
typedef enum __MIDL___MIDL_itf_mmdeviceapi_0000_0000_0001 {
    eRender = 0, eCapture = 1, eAll = 2, EDataFlow_enum_count = 3
} EDataFlow;
typedef enum __MIDL___MIDL_itf_mmdeviceapi_0000_0000_0002 {
    eConsole = 0, eMultimedia = 1, eCommunications = 2, ERole_enum_count = 3
} ERole;
#define DEVICE_STATE_ACTIVE 0x00000001
#define DEVICE_STATE_DISABLED 0x00000002
#define DEVICE_STATE_NOTPRESENT 0x00000004
#define DEVICE_STATE_UNPLUGGED 0x00000008
#define DEVICE_STATEMASK_ALL 0x0000000f

/* devicetopology.h */
typedef enum __MIDL___MIDL_itf_devicetopology_0000_0000_0011 {
    Unknown_Connector = 0, Physical_Internal = 1, Physical_External = 2, Software_IO = 3,
    Software_Fixed = 4, Network = 5
} ConnectorType;
typedef enum __MIDL___MIDL_itf_devicetopology_0000_0000_0012 { In = 0, Out = 1 } DataFlow;
typedef enum __MIDL___MIDL_itf_devicetopology_0000_0000_0013 { Connector = 0, Subunit = 1 } PartType;
#define DEVTOPO_HARDWARE_INITIATED_EVENTCONTEXT 0x64726148 /* 'draH' */

typedef enum {
    eConnTypeUnknown = 0, eConnType3Point5mm, eConnTypeQuarter, eConnTypeAtapiInternal,
    eConnTypeRCA, eConnTypeOptical, eConnTypeOtherDigital, eConnTypeOtherAnalog,
    eConnTypeMultichannelAnalogDIN, eConnTypeXlrProfessional, eConnTypeRJ11Modem,
    eConnTypeCombination
} EPcxConnectionType;
typedef enum {
    eGeoLocRear = 1, eGeoLocFront, eGeoLocLeft, eGeoLocRight, eGeoLocTop, eGeoLocBottom,
    eGeoLocRearPanel, eGeoLocRiser, eGeoLocInsideMobileLid, eGeoLocDrivebay, eGeoLocHDMI,
    eGeoLocOutsideMobileLid, eGeoLocATAPI, eGeoLocNotApplicable, eGeoLocReserved6
} EPcxGeoLocation;
typedef enum {
    eGenLocPrimaryBox = 0, eGenLocInternal, eGenLocSeparate, eGenLocOther
} EPcxGenLocation;
typedef enum {
    ePortConnJack = 0, ePortConnIntegratedDevice, ePortConnBothIntegratedAndJack,
    ePortConnUnknown
} EPxcPortConnection;
typedef struct {
    DWORD ChannelMapping;
    DWORD Color;
    EPcxConnectionType ConnectionType;
    EPcxGeoLocation GeoLocation;
    EPcxGenLocation GenLocation;
    EPxcPortConnection PortConnection;
    BOOL IsConnected;
} KSJACK_DESCRIPTION, *PKSJACK_DESCRIPTION;
#define JACKDESC2_PRESENCE_DETECT_CAPABILITY 0x00000001
#define JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY 0x00000002
typedef struct _tagKSJACK_DESCRIPTION2 {
    DWORD DeviceStateInfo;
    DWORD JackCapabilities;
} KSJACK_DESCRIPTION2, *PKSJACK_DESCRIPTION2;

/* ks.h */
typedef union {
    struct {
        ULONG FormatSize;
        ULONG Flags;
        ULONG SampleSize;
        ULONG Reserved;
        GUID MajorFormat;
        GUID SubFormat;
        GUID Specifier;
    };
    LONGLONG Alignment;
} KSDATAFORMAT, *PKSDATAFORMAT, KSDATARANGE, *PKSDATARANGE;
typedef struct {
    union {
        struct {
            GUID Set;
            ULONG Id;
            ULONG Flags;
        };
        LONGLONG Alignment;
    };
} KSIDENTIFIER, *PKSIDENTIFIER, KSPROPERTY, *PKSPROPERTY, KSMETHOD, *PKSMETHOD, KSEVENT, *PKSEVENT;

/* COM memory (objbase.h), defined by devtopo-com off Windows */
DEVTOPO_EXTERN_C void *CoTaskMemAlloc(SIZE_T cb);
DEVTOPO_EXTERN_C void CoTaskMemFree(void *pv);
DEVTOPO_EXTERN_C HRESULT PropVariantClear(PROPVARIANT *pvar);

/* IUnknown (unknwn.h) */
typedef struct IUnknown IUnknown;
DEVTOPO_EXTERN_C const IID IID_IUnknown;
#if defined(__cplusplus) && !defined(CINTERFACE)
struct IUnknown {
    virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
    virtual ULONG STDMETHODCALLTYPE AddRef() = 0;
    virtual ULONG STDMETHODCALLTYPE Release() = 0;
};
template <typename T> const IID &devtopo_uuidof();
template <> inline const IID &devtopo_uuidof<IUnknown>() { return IID_IUnknown; }
template <typename T> inline const IID &devtopo_uuidof_of(T **) { return devtopo_uuidof<T>(); }
template <typename T> inline void **IID_PPV_ARGS_Helper(T **pp) { return reinterpret_cast<void **>(pp); }
#ifndef __uuidof
#define __uuidof(T) devtopo_uuidof<T>()
#endif
#define IID_PPV_ARGS(pp) devtopo_uuidof_of(pp), IID_PPV_ARGS_Helper(pp)
#else
typedef struct IUnknownVtbl {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid, void **ppvObject);
    ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *This);
    ULONG (STDMETHODCALLTYPE *Release)(IUnknown *This);
} IUnknownVtbl;
struct IUnknown { const struct IUnknownVtbl *lpVtbl; };
#endif

#include "devtopo_com_interfaces.h"

#endif /* not Windows */

/* ---- devtopo's C ABI (every platform) ---- */

/* A simulated world: load it, hand its objects to the code under test, act on its hardware. */
typedef struct DevtopoSystem DevtopoSystem;

/* Load a topology file (.toml or .json), or TOML / JSON text. *out is NULL on failure. */
DEVTOPO_EXTERN_C HRESULT devtopo_load_file(const char *path_utf8, DevtopoSystem **out);
DEVTOPO_EXTERN_C HRESULT devtopo_load_toml(const char *toml_utf8, DevtopoSystem **out);
DEVTOPO_EXTERN_C HRESULT devtopo_load_json(const char *json_utf8, DevtopoSystem **out);
/* Free the handle (NULL is ignored). COM objects obtained from it stay valid. */
DEVTOPO_EXTERN_C void devtopo_system_free(DevtopoSystem *system);

/* The devices, in the order of the topology file; the ID is freed with CoTaskMemFree. */
DEVTOPO_EXTERN_C UINT devtopo_device_count(const DevtopoSystem *system);
DEVTOPO_EXTERN_C HRESULT devtopo_device_id(const DevtopoSystem *system, UINT index, LPWSTR *out);
/* IMMDevice::Activate(IID_IDeviceTopology) of the device with this ID (UTF-8). */
DEVTOPO_EXTERN_C HRESULT devtopo_device_topology(const DevtopoSystem *system,
                                                 const char *device_id_utf8,
                                                 IDeviceTopology **out);

/* The IMMDeviceEnumerator of the system: the one injection point for code under test (instead
   of CoCreateInstance(CLSID_MMDeviceEnumerator)). One reference for the caller. */
DEVTOPO_EXTERN_C HRESULT devtopo_enumerator(const DevtopoSystem *system, IMMDeviceEnumerator **out);

/* Simulated hardware. Parts are named by device ID and local ID (IPart::GetLocalId). */
DEVTOPO_EXTERN_C HRESULT devtopo_plug_jack(const DevtopoSystem *system, const char *device_id_utf8,
                                           UINT connector_local_id, UINT jack);
DEVTOPO_EXTERN_C HRESULT devtopo_unplug_jack(const DevtopoSystem *system,
                                             const char *device_id_utf8,
                                             UINT connector_local_id, UINT jack);
DEVTOPO_EXTERN_C HRESULT devtopo_set_device_state(const DevtopoSystem *system,
                                                  const char *device_id_utf8, DWORD state);
DEVTOPO_EXTERN_C HRESULT devtopo_set_hardware_level(const DevtopoSystem *system,
                                                    const char *device_id_utf8,
                                                    UINT part_local_id, const GUID *control_iid,
                                                    UINT channel, float level_db);

/* Devices arrive (the devices of TOML topology text) or leave; the user picks a default. */
DEVTOPO_EXTERN_C HRESULT devtopo_add_devices_toml(const DevtopoSystem *system, const char *toml_utf8);
DEVTOPO_EXTERN_C HRESULT devtopo_remove_device(const DevtopoSystem *system,
                                               const char *device_id_utf8);
DEVTOPO_EXTERN_C HRESULT devtopo_set_default_endpoint(const DevtopoSystem *system,
                                                      const char *device_id_utf8, ERole role);

/* The calling thread's last error text (UTF-8): copies at most size - 1 bytes and a NUL, and
   returns the full length. */
DEVTOPO_EXTERN_C size_t devtopo_last_error(char *buffer, size_t size);

#endif /* DEVTOPO_COM_H */
