"""Texts of sign-in, the session bar, access refusals and server errors (data only:
`app.i18n` merges it)."""

SECURITY_STRINGS: dict[str, dict[str, str]] = {
    "login.title": {"ko": "로그인", "en": "Sign in"},
    "login.intro": {
        "ko": "CarSight는 고객 정보와 판매 계획을 다룹니다. 관리자가 만든 계정으로 로그인하세요.",
        "en": "CarSight holds customer data and sales plans. Sign in with the account "
        "your administrator created.",
    },
    "login.user": {"ko": "아이디", "en": "User name"},
    "login.password": {"ko": "비밀번호", "en": "Password"},
    "login.submit": {"ko": "로그인", "en": "Sign in"},
    "login.other_language": {"ko": "English", "en": "한국어"},
    "login.failed": {
        "ko": "아이디 또는 비밀번호가 올바르지 않습니다.",
        "en": "Wrong user name or password.",
    },
    "login.locked": {
        "ko": "로그인 실패가 {count}회 이어져 이 계정은 {minutes}분 동안 잠겼습니다. "
        "잠시 후 다시 시도하거나 관리자에게 문의하세요.",
        "en": "After {count} failed attempts this account is locked for {minutes} minutes. "
        "Try again later or ask your administrator.",
    },
    "login.rate_limited": {
        "ko": "이 주소에서 로그인 실패가 너무 많습니다. {minutes}분 뒤에 다시 시도하세요.",
        "en": "Too many failed sign-ins from this address. Try again in {minutes} minutes.",
    },
    "login.expired": {
        "ko": "로그인 양식이 만료되었습니다. 다시 입력하세요.",
        "en": "The sign-in form expired. Please enter your details again.",
    },
    "login.signed_out": {"ko": "로그아웃되었습니다.", "en": "You are signed out."},
    "login.no_users": {
        "ko": "아직 사용자가 없습니다. 서버에서 `carsight users add 이름 --role admin`으로 "
        "관리자를 만드세요.",
        "en": "There are no users yet. On the server, create an administrator with "
        "`carsight users add NAME --role admin`.",
    },
    # session bar in the navigation
    "session.demo": {
        "ko": "데모 모드: 내장 샘플 데이터에 관리자로 자동 로그인되어 있습니다",
        "en": "Demo mode: signed in automatically as an administrator on the built-in sample data",
    },
    "session.user": {"ko": "{name} · {role}", "en": "{name} · {role}"},
    "session.sign_out": {"ko": "로그아웃", "en": "Sign out"},
    "role.admin": {"ko": "관리자", "en": "administrator"},
    "role.strategist": {"ko": "전략 담당", "en": "strategist"},
    "role.dealer": {"ko": "딜러", "en": "dealer"},
    "role.analyst": {"ko": "분석가(읽기 전용)", "en": "analyst (read-only)"},
    # refusals and errors
    "access.denied.title": {"ko": "접근 권한이 없습니다", "en": "Not allowed"},
    "access.denied.body": {
        "ko": "이 페이지는 현재 계정의 역할({role})로 열 수 없습니다. "
        "필요하면 관리자에게 권한을 요청하세요.",
        "en": "Your role ({role}) cannot open this page. Ask your administrator if you need it.",
    },
    "access.home": {"ko": "처음 화면으로", "en": "Go to the start page"},
    "error.title": {"ko": "요청을 처리하지 못했습니다", "en": "The request failed"},
    "error.body": {
        "ko": "서버에서 오류가 났습니다. 잠시 후 다시 시도하세요. 계속되면 관리자에게 "
        "시각({time})을 알려 주세요.",
        "en": "The server hit an error. Please try again. If it keeps happening, tell "
        "your administrator the time ({time}).",
    },
    "error.not_found": {"ko": "페이지를 찾을 수 없습니다", "en": "Page not found"},
    "error.too_large": {
        "ko": "파일이 너무 큽니다(최대 {mb} MB).",
        "en": "The file is too large (at most {mb} MB).",
    },
}
