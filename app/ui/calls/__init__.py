"""The call-response desk (呼叫响应): calls to district departments and their clocks."""
